package org.containerops.recipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.containerops.recipe.TestRecipes;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end on the engine. */
@ExtendWith(EngineExtension.class)
class BuildCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = RecipeBuilderCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void oneFailedRecipeMakesExitOneAfterBuildingTheOthers(ContainerRuntime runtime, @TempDir Path tmp) {
    Path channel = tmp.resolve("channel");
    int code = run("build", TestRecipes.recipe("fails").toString(), TestRecipes.recipe("one").toString(),
        "--image", TestRecipes.IMAGE, "--pkg-dir", channel.toString(), "--user", TestRecipes.USER,
        "--network", "none", "--build-command", TestRecipes.DOUBLE_COMMAND, "--quiet", "--log-tail", "5");

    assertEquals(1, code, err.toString());
    String stdout = out.toString();
    assertTrue(stdout.contains("FAILED " + TestRecipes.recipe("fails") + " (exit 1): build failed with exit code 1"), stdout);
    assertTrue(stdout.matches("(?s).*BUILT " + TestRecipes.recipe("one") + ": linux-64/one-1\\.0-0\\.tar\\.bz2\n.*"),
        stdout);
    assertTrue(stdout.endsWith("built 1 of 2 recipes into " + channel + "\n"), stdout);
    assertTrue(err.toString().contains("  fails: about to fail on purpose"), "the tail of the failure: " + err);
    assertTrue(err.toString().endsWith("recipe-builder: 1 of 2 recipes failed: fails\n"), err.toString());
    assertTrue(Files.isRegularFile(channel.resolve("linux-64/repodata.json")));
  }

  @Test
  void recipesGivenInTheWrongOrderAreBuiltInDependencyOrder(ContainerRuntime runtime, @TempDir Path tmp) {
    Path channel = tmp.resolve("channel");
    int code = run("build", TestRecipes.recipe("two").toString(), TestRecipes.recipe("one").toString(),
        "--image", TestRecipes.IMAGE, "--pkg-dir", channel.toString(), "--user", TestRecipes.USER,
        "--network", "none", "--quiet"); // default build command: conda-build (the double under that name)

    assertEquals(0, code, out + "\n" + err);
    assertEquals("BUILT " + TestRecipes.recipe("one") + ": linux-64/one-1.0-0.tar.bz2\n"
        + "BUILT " + TestRecipes.recipe("two") + ": linux-64/two-2.0-0.tar.bz2\n"
        + "built 2 of 2 recipes into " + channel + "\n", out.toString());
  }

  @Test
  void noSortKeepsTheGivenOrder(ContainerRuntime runtime, @TempDir Path tmp) {
    int code = run("build", TestRecipes.recipe("two").toString(), TestRecipes.recipe("one").toString(),
        "--image", TestRecipes.IMAGE, "--pkg-dir", tmp.resolve("channel").toString(), "--user", TestRecipes.USER,
        "--network", "none", "--quiet", "--no-sort");

    assertEquals(1, code, out + "\n" + err);
    assertTrue(out.toString().startsWith("FAILED " + TestRecipes.recipe("two") + " (exit 1): build failed with exit code 1:"
        + " DependencyNeedsBuildingError: Unsatisfiable dependencies"), out.toString());
  }

  @Test
  void purgeOfAnAbsentImageIsNotAnError(ContainerRuntime runtime) {
    assertEquals(0, run("purge", "--target", "containerops-test", "absent=1.0--h0_0"), err.toString());
    assertEquals("not present quay.io/containerops-test/absent:1.0--h0_0\n", out.toString());
  }

  @Test
  void purgeRemovesTheMulledImage(ContainerRuntime runtime) {
    String ref = "quay.io/containerops-test/purgeme:1.0--h1_0";
    runtime.client().tagImageCmd(TestRecipes.IMAGE, "quay.io/containerops-test/purgeme", "1.0--h1_0").exec();
    try {
      assertEquals(0, run("purge", "--mulled-upload-target", "containerops-test", "purgeme=1.0--h1_0"), err.toString());
      assertEquals("removed " + ref + "\n", out.toString());
      assertTrue(!runtime.images().exists(ref));
    } finally {
      runtime.images().remove(ref, false);
    }
  }
}
