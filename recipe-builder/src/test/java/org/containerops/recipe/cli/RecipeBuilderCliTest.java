package org.containerops.recipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.containerops.recipe.TestRecipes;
import org.containerops.recipe.api.BuilderSpec;
import org.containerops.recipe.api.BuilderSpec.UserMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Command-line parsing and usage errors; nothing here reaches the engine. */
class RecipeBuilderCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = RecipeBuilderCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void malformedPurgeSpecIsAUsageErrorNamingIt() {
    assertEquals(2, run("purge", "--target", "biocontainers", "samtools-1.17"));
    assertTrue(err.toString().contains("malformed image spec 'samtools-1.17': want name=version--build"), err.toString());
  }

  @Test
  void missingRecipeDirIsAUsageError(@TempDir Path tmp) {
    assertEquals(2, run("build", tmp.resolve("nope").toString(), "--pkg-dir", tmp.toString()));
    assertTrue(err.toString().contains("recipe: not a directory: " + tmp.resolve("nope")), err.toString());
  }

  @Test
  void badUserAndPkgFormatAreUsageErrors(@TempDir Path tmp) {
    String recipe = TestRecipes.recipe("one").toString();
    assertEquals(2, run("build", recipe, "--pkg-dir", tmp.toString(), "--user", "alice"));
    assertTrue(err.toString().contains("user: want uid:gid, got alice"), err.toString());
    assertEquals(2, run("build", recipe, "--pkg-dir", tmp.toString(), "--pkg-format", "3"));
  }

  @Test
  void optionsMapOntoTheBuilderSpecAsUpstream(@TempDir Path tmp) {
    CommandLine cl = RecipeBuilderCli.commandLine();
    CommandLine.ParseResult parsed = cl.parseArgs("build", TestRecipes.recipe("one").toString(),
        "--docker-base-image", "img:1", "--build-image", "--keep-image", "--channel", "conda-forge",
        "--build-arg", "--croot=/x", "--env", "MY_*", "--user-mode", "HOST_USER_ID", "--pkg-format", "1");
    BuildCommand cmd = (BuildCommand) parsed.subcommand().commandSpec().userObject();

    BuilderSpec s = cmd.builderSpec(Map.of("CONDA_BLD_PATH", tmp.toString(), "MY_X", "1"));

    assertEquals("img:1", s.image());
    assertEquals(tmp, s.pkgDir()); // no --pkg-dir: the host conda-bld, as upstream
    assertTrue(s.buildImage() && s.keepImage());
    assertEquals(java.util.List.of("--override-channels", "--no-anaconda-upload", "-c", "local", "-c", "conda-forge"),
        s.buildArgs());
    assertEquals(UserMode.HOST_USER_ID, s.userMode());
    assertEquals("1", s.pkgFormat());
    assertEquals(java.util.List.of("MY_*"), s.envWhitelist());
  }

  @Test
  void defaultImageComesFromBuildEnvImage(@TempDir Path tmp) {
    CommandLine cl = RecipeBuilderCli.commandLine();
    BuildCommand cmd = (BuildCommand) cl.parseArgs("build", TestRecipes.recipe("one").toString(), "--pkg-dir",
        tmp.toString()).subcommand().commandSpec().userObject();

    assertEquals("my/env:2", cmd.builderSpec(Map.of("BUILD_ENV_IMAGE", "my/env:2")).image());
    assertEquals(BuildCommand.DEFAULT_IMAGE, cmd.builderSpec(Map.of()).image());
  }

  @Test
  void networkDefaultsToNoneAndHostStaysAvailable(@TempDir Path tmp) {
    CommandLine cl = RecipeBuilderCli.commandLine();
    BuildCommand none = (BuildCommand) cl.parseArgs("build", TestRecipes.recipe("one").toString(), "--pkg-dir",
        tmp.toString()).subcommand().commandSpec().userObject();
    assertEquals("none", none.builderSpec(Map.of()).network());
    assertEquals(false, none.noSort, "dependency order by default");

    BuildCommand host = (BuildCommand) RecipeBuilderCli.commandLine().parseArgs("build", TestRecipes.recipe("one").toString(),
        "--pkg-dir", tmp.toString(), "--network", "host", "--no-sort").subcommand().commandSpec().userObject();
    assertEquals("host", host.builderSpec(Map.of()).network());
    assertEquals(true, host.noSort);
  }
}
