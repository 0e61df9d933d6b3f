package org.containerops.recipe.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.containerops.recipe.api.BuilderSpec.UserMode;
import org.containerops.recipe.staging.HostUser;

/**
 * One build container to run.
 *
 * @param image image reference or id, present locally
 * @param script the rendered build script on the host (mounted read-only at {@value BuildContainer#SCRIPT_PATH})
 * @param recipeDir the recipe dir (mounted read-only at {@value BuildContainer#RECIPE_PATH})
 * @param stagingDir the staging channel (mounted read-write at the staging path)
 * @param outputDir this build's output dir (mounted read-write at {@value BuildContainer#OUTPUT_PATH})
 * @param env environment variables, values unmasked
 * @param user who the build runs as
 * @param userMode how the user reaches the build
 * @param network network mode
 * @param timeout wall-time limit; the container is killed after it
 * @param labels extra labels
 * @param lines receives each output line (stdout and stderr), raw (the caller masks)
 * @param userEntrypoint {@link UserMode#USER} only: the set-up script run before the build script
 *     (mounted read-only at {@value BuildContainer#USER_ENTRYPOINT_PATH}); required in that mode
 * @param condarc {@link UserMode#USER} only: the image's root condarc, copied to the user's home by
 *     the set-up script (mounted read-only at {@value BuildContainer#CONDARC_PATH})
 */
public record ContainerRun(String image, Path script, Path recipeDir, Path stagingDir, Path outputDir,
    Map<String, String> env, HostUser user, UserMode userMode, String network, Duration timeout,
    Map<String, String> labels, Consumer<String> lines, Optional<Path> userEntrypoint, Optional<Path> condarc) {
  /** @throws IllegalArgumentException when USER mode has no set-up script */
  public ContainerRun {
    if (userMode == UserMode.USER && userEntrypoint.isEmpty()) {
      throw new IllegalArgumentException("userEntrypoint: required in USER mode");
    }
  }
}
