package org.containerops.recipe;

import static org.containerops.recipe.TestRecipes.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.containerops.recipe.TestRecipes.Recorder;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildResult.Status;
import org.containerops.recipe.api.BuildRunResult;
import org.containerops.recipe.api.BuilderSpec;
import org.containerops.recipe.api.BuilderSpec.UserMode;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §1: an image that follows the conda-forge/bioconda base-image contract
 * ({@link TestRecipes#ENV_IMAGE}: conda only through the entrypoint's activation, a root-only condarc
 * with strict channel priority, group-writable /opt/conda) builds in both user modes with the
 * DEFAULT build command ({@code conda-build ...}), and the build sees strict channel priority.
 */
@ExtendWith(EngineExtension.class)
class ImageContractIT {
  @TempDir Path tmp;

  @BeforeAll
  static void envImageIsBuiltOnTheCurrentDoubleImage(ContainerRuntime runtime) {
    List<String> base = runtime.client().inspectImageCmd(TestRecipes.IMAGE).exec().getRootFS().getLayers();
    List<String> env = runtime.client().inspectImageCmd(TestRecipes.ENV_IMAGE).exec().getRootFS().getLayers();
    assertEquals(base, env.subList(0, Math.min(base.size(), env.size())), TestRecipes.ENV_IMAGE + " is stale: "
        + "remove it (docker rmi) and run scripts/setup, it must be rebuilt on " + TestRecipes.IMAGE);
  }

  private BuilderSpec.Builder envSpec(UserMode mode) {
    // no buildCommandTemplate: the default `conda-build -c file://{staging} {build_args} {recipe}/meta.yaml 2>&1`
    return BuilderSpec.builder(TestRecipes.ENV_IMAGE, tmp.resolve("channel-" + mode)).environment(Map.of())
        .user(TestRecipes.USER).userMode(mode).network("none");
  }

  private void buildsWithStrictPriority(ContainerRuntime runtime, UserMode mode) {
    Recorder rec = new Recorder();
    BuildRunResult run;
    Path channel = tmp.resolve("channel-" + mode);
    try (RecipeBuilder b = RecipeBuilder.open(runtime, envSpec(mode).build(), rec)) {
      run = b.buildAll(List.of(build("priority"), build("one")), false);
    }

    for (BuildResult r : run.results()) {
      assertEquals(Status.BUILT, r.status(), mode + " " + r.message() + "\n" + String.join("\n", r.logTail()));
    }
    assertTrue(rec.events.stream().anyMatch(e -> e.startsWith("start priority: conda-build -c file:///opt/host-conda-bld"
        + " --override-channels")), rec.events.toString());
    BuildResult priority = run.results().get(0);
    assertEquals("linux-64/priority-1.0-0.tar.bz2", priority.packages().get(0).channelPath(),
        "conda-build 24.1's default format and build string");
    assertEquals("channel_priority: strict\n", TestRecipes.payloadFileByCph(runtime, channel,
        priority.packages().get(0).channelPath(), "share/priority.txt"), "the image's root condarc is in force");
    assertEquals("linux-64/one-1.0-0.tar.bz2", run.results().get(1).packages().get(0).channelPath());
  }

  @Test
  void userModeReproducesTheEntrypointsCondaAndCondarc(ContainerRuntime runtime) {
    buildsWithStrictPriority(runtime, UserMode.USER);
  }

  @Test
  void hostUserIdModeRunsTheImagesEntrypoint(ContainerRuntime runtime) {
    buildsWithStrictPriority(runtime, UserMode.HOST_USER_ID);
  }

  @Test
  void userModeRefusesAnImageThatGivesNoConda(ContainerRuntime runtime) {
    BuilderSpec spec = BuilderSpec.builder("containerops/debian:bookworm", tmp.resolve("c")).environment(Map.of())
        .user(TestRecipes.USER).network("none").build();

    RecipeBuilderException e = assertThrows(RecipeBuilderException.class,
        () -> RecipeBuilder.open(runtime, spec, new Recorder()).close());
    assertEquals(Reason.IMAGE_CONTRACT, e.reason());
    assertTrue(e.getMessage().contains("gives a non-root user no conda") && e.getMessage().contains("/opt/conda/etc/profile.d/conda.sh")
        && e.getMessage().contains("--user-mode HOST_USER_ID"), e.getMessage());
  }
}
