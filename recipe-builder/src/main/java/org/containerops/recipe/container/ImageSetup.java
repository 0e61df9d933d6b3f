package org.containerops.recipe.container;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.SandboxSpec;

/**
 * What a conda-forge/bioconda build image's root entrypoint sets up, read from the image so that
 * {@code --user-mode USER} (which cannot run that entrypoint: it needs root to add a user) can
 * reproduce it for the mapped user. linux-anvil's entrypoint ({@code conda-forge/docker-images
 * scripts/entrypoint}) activates conda from its login shell and copies root's condarc (bioconda sets
 * strict channel priority there, {@code Dockerfile:21-33}) to the build user's home.
 *
 * <p>Read by one short container of the image run as root with the entrypoint cleared, no network,
 * all capabilities dropped, a read-only root file system (container-runtime's sandbox).
 *
 * @param rootCondarc the text of {@code /root/.condarc}, when the image has one
 * @param condaOnPath the path of {@code conda} on the image's own {@code PATH}, when there is one
 * @param condaShellHook true when {@code /opt/conda/etc/profile.d/conda.sh} exists
 * @param condaBin true when {@code /opt/conda/bin/conda} is executable
 */
public record ImageSetup(Optional<String> rootCondarc, Optional<String> condaOnPath, boolean condaShellHook,
    boolean condaBin) {
  /** The condarc path this module reads in the image (linux-anvil copies it to the user's home). */
  public static final String ROOT_CONDARC = "/root/.condarc";
  /** conda's shell hook; sourcing it and {@code conda activate base} is what a login shell does. */
  public static final String CONDA_SHELL_HOOK = "/opt/conda/etc/profile.d/conda.sh";

  private static final String PROBE = String.join("\n",
      "b64() { if [ -r \"$1\" ]; then base64 -w0 < \"$1\"; fi; }",
      "t() { if [ \"$1\" \"$2\" ]; then echo true; else echo false; fi; }",
      "c=$(command -v conda 2>/dev/null || true)",
      "printf '{\"data\":{\"condarc\":\"%s\",\"exists\":%s,\"conda\":\"%s\",\"hook\":%s,\"bin\":%s}}' "
          + "\"$(b64 " + ROOT_CONDARC + ")\" \"$(t -f " + ROOT_CONDARC + ")\" \"$(printf %s \"$c\" | base64 -w0)\" "
          + "\"$(t -f " + CONDA_SHELL_HOOK + ")\" \"$(t -x /opt/conda/bin/conda)\"");

  /**
   * Reads the set-up of {@code image}.
   *
   * @throws RecipeBuilderException {@link Reason#ENGINE} when the probe container fails (e.g. no
   *     {@code /bin/sh} or {@code base64} in the image)
   */
  public static ImageSetup probe(ContainerRuntime runtime, String image) {
    Object data;
    try {
      data = runtime.run(SandboxSpec.builder(image).runAsRoot().user("0:0").entrypoint(List.of("/bin/sh", "-c", PROBE))
          .network("none").timeout(Duration.ofMinutes(1)).label("org.containerops.recipe-builder.probe", "image-setup")
          .build()).dataValue();
      runtime.awaitRemovals(); // the probe container must not hold the image when the builder drops it
    } catch (ContainerRuntimeError e) {
      throw new RecipeBuilderException(Reason.ENGINE, "cannot read the conda set-up of image " + image
          + " (needs /bin/sh and base64): " + e.getMessage(), e);
    }
    Map<?, ?> m = (Map<?, ?>) data;
    String condarc = decode(m.get("condarc"));
    String conda = decode(m.get("conda"));
    return new ImageSetup(Boolean.TRUE.equals(m.get("exists")) ? Optional.of(condarc) : Optional.empty(),
        conda.isEmpty() ? Optional.empty() : Optional.of(conda), Boolean.TRUE.equals(m.get("hook")),
        Boolean.TRUE.equals(m.get("bin")));
  }

  /** True when a non-root user can get conda: on the image's PATH, by the shell hook or in /opt/conda/bin. */
  public boolean providesConda() {
    return condaOnPath.isPresent() || condaShellHook || condaBin;
  }

  /**
   * Refuses an image that gives a non-root user no conda.
   *
   * @throws RecipeBuilderException {@link Reason#IMAGE_CONTRACT} naming what is missing and the way out
   */
  public void requireConda(String image) {
    if (!providesConda()) {
      throw new RecipeBuilderException(Reason.IMAGE_CONTRACT, "--user-mode USER: image " + image
          + " gives a non-root user no conda: none on the image's PATH, no " + CONDA_SHELL_HOOK
          + " to activate and no /opt/conda/bin/conda; use --user-mode HOST_USER_ID (runs the image's own"
          + " entrypoint as root) or an image that follows the conda-forge/bioconda contract", null);
    }
  }

  private static String decode(Object b64) {
    return b64 == null ? "" : new String(Base64.getMimeDecoder().decode(b64.toString()), StandardCharsets.UTF_8);
  }
}
