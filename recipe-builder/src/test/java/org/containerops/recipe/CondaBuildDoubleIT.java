package org.containerops.recipe;

import static org.containerops.recipe.TestRecipes.build;
import static org.containerops.recipe.TestRecipes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.containerops.recipe.TestRecipes.Recorder;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildResult.Status;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §5 and §4: the conda-build double keeps conda-build's observable contract (Jinja, build
 * strings, --output, error lines) and recipe-builder turns conda-build's error into the one-line message.
 * The default build command ({@code conda-build ...}, the double under that name) runs here.
 */
@ExtendWith(EngineExtension.class)
class CondaBuildDoubleIT {
  @TempDir Path tmp;

  private BuildResult buildWithDefaultCommand(ContainerRuntime runtime, String recipe, Path... configs) {
    var spec = spec(tmp.resolve("channel")).buildCommandTemplate(org.containerops.recipe.api.DefaultTemplates.BUILD_COMMAND)
        .logTailLines(4);
    for (Path c : configs) {
      spec.configFile(c, "-e");
    }
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec.build(), new Recorder())) {
      return b.build(build(recipe));
    }
  }

  @Test
  void jinjaSetAndExpressionsAreRenderedAndSelectorsApplied(ContainerRuntime runtime) {
    BuildResult r = buildWithDefaultCommand(runtime, "jinja");

    assertEquals(Status.BUILT, r.status(), r.message() + "\n" + r.logTail());
    assertEquals("linux-64/jinja-pkg-1.2-2.tar.bz2", r.packages().get(0).channelPath());
    assertEquals("jinja-pkg 1.2 2\n", TestRecipes.payloadFileByCph(runtime, tmp.resolve("channel"),
        r.packages().get(0).channelPath(), "share/jinja.txt"));
  }

  @Test
  void aVariantVariableInTheRecipePutsConda_buildsHashInTheBuildString(ContainerRuntime runtime) throws Exception {
    Path config = Files.writeString(tmp.resolve("conda_build_config.yaml"), "flavor:\n  - sweet\nunused:\n  - x\n");

    BuildResult r = buildWithDefaultCommand(runtime, "variant", config);

    // conda-build metadata.py hash_dependencies: "h" + sha1(json.dumps({used variant keys}, sort_keys=True))[:7]
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
        .digest("{\"flavor\": \"sweet\"}".getBytes(StandardCharsets.UTF_8))).substring(0, 7);
    assertEquals(Status.BUILT, r.status(), r.message() + "\n" + r.logTail());
    assertEquals("linux-64/variant-1.0-h" + hash + "_0.tar.bz2", r.packages().get(0).channelPath());
  }

  @Test
  void outputPrintsThePathAndBuildsNothing(ContainerRuntime runtime) {
    Recorder rec = new Recorder();
    BuildResult r;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(tmp.resolve("channel"))
        .buildCommandTemplate("conda-build --output {build_args} {recipe}/meta.yaml 2>&1").build(), rec)) {
      r = b.build(build("two"));
    }

    assertEquals(Status.NO_PACKAGES, r.status());
    assertTrue(rec.lines.contains("/opt/conda/conda-bld/linux-64/two-2.0-0.tar.bz2"), rec.lines.toString());
  }

  @Test
  void unparsableMetaYamlFailsWithConda_buildsLineAndColumnInTheMessage(ContainerRuntime runtime) throws IOException {
    BuildResult r = buildWithDefaultCommand(runtime, "bad-yaml");

    assertEquals(Status.FAILED, r.status());
    assertEquals(Optional.of(1), r.exitCode(), "conda-build exits 1; set -e passes it on");
    assertEquals("build failed with exit code 1: UnableToParse: Unable to parse meta.yaml file: mapping values are"
        + " not allowed here; in \"<unicode string>\", line 6, column 12:", r.message());
  }

  @Test
  void failingBuildScriptNamesItsExitStatusAndKeepsItsOutput(ContainerRuntime runtime) {
    BuildResult r = buildWithDefaultCommand(runtime, "fails");

    assertTrue(r.message().startsWith("build failed with exit code 1: BuildScriptException: Command '['/bin/bash'"),
        r.message());
    assertTrue(r.message().endsWith("returned non-zero exit status 3."), r.message());
    assertTrue(r.logTail().contains("fails: about to fail on purpose"), r.logTail().toString());
    assertTrue(r.logTail().get(r.logTail().size() - 1).endsWith("returned non-zero exit status 3."),
        r.logTail().toString());
    assertEquals(List.of(), r.packages());
  }
}
