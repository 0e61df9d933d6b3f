package org.containerops.runtime.api;

/**
 * How tightly a container is confined; chosen with {@link SandboxSpec.Builder#trustedImageAsBuilt()}.
 *
 * <p>Both modes keep what is ours: network {@code none} unless asked, our labels, memory, CPU and pids
 * limits, the non-root rule for an explicit {@code user}, removal of the container in every case and the
 * time limits.
 */
public enum Confinement {
  /**
   * The default, for untrusted work (upstream feedstock-ops' {@code docker run} flags,
   * {@code container_utils.py:50-71}): read-only root filesystem, a tmpfs {@code /tmp} (mode 1777,
   * {@code noexec} as the engine mounts tmpfs), {@code --cap-drop ALL}, {@code no-new-privileges},
   * nofile/nproc ulimits from {@link Limits}, and an image without a non-root {@code USER} needs an explicit
   * user or {@code runAsRoot()}.
   */
  LOCKED_DOWN,

  /**
   * Inspect a trusted image as built, the way docker-stacks' {@code DockerRunner}
   * ({@code tagging/utils/docker_runner.py}) runs it: {@code docker run -d IMAGE tail -f /dev/null}, then
   * {@code docker exec}. The image's {@code USER} (root included), its environment and its filesystem as
   * built: a WRITABLE root filesystem, the image's own {@code /tmp} (no tmpfs), no environment added, the
   * engine's default ulimits and capabilities, no {@code no-new-privileges}.
   *
   * <p>Use it only for images you built or trust, when what a command prints must not depend on the
   * sandbox (e.g. {@code conda info} reporting {@code (writable)}, tagging and manifests). Never for
   * untrusted recipes, feedstocks or user input: the container can write anywhere in its own filesystem
   * and keeps the engine's default capabilities (still no network by default, still removed at the end).
   */
  TRUSTED_IMAGE_AS_BUILT
}
