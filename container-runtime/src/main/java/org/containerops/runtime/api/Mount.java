package org.containerops.runtime.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory (or file) bind-mounted into a sandbox.
 *
 * <p>Upstream mounts one directory at {@value #DEFAULT_CONTAINER_PATH}, read-only unless asked
 * ({@code conda_forge_feedstock_ops/container_utils.py:142-151}); there a directory is required.
 *
 * <p>Safe by default (checked on the real path, so symlinks cannot get around it): {@code /}, the engine
 * socket (from {@code DOCKER_HOST} or {@code /var/run/docker.sock}) or a directory holding it, and any other
 * socket, FIFO or device are refused here; system directories ({@code /etc}, {@code /proc}, {@code /sys},
 * {@code /dev}, {@code /boot}, {@code /var/run}, {@code /run} and below) are refused by {@link SandboxSpec}
 * unless {@link SandboxSpec.Builder#allowSystemMounts()}. Upstream checks none of this.
 *
 * @param hostPath absolute, normalized path that exists on the host, as given; the container gets
 *     {@link #realHostPath()}
 * @param containerPath absolute path inside the container
 * @param readOnly true unless write access was asked for
 */
public record Mount(Path hostPath, String containerPath, boolean readOnly) {
  /** Where upstream mounts the operation's directory. */
  public static final String DEFAULT_CONTAINER_PATH = "/cf_feedstock_ops_dir";

  /**
   * @throws IllegalArgumentException when the host path does not exist, is refused (see above) or is a file
   *     where a directory is required ({@value #DEFAULT_CONTAINER_PATH}), or the container path is not
   *     absolute; the message names the path given and what it resolved to
   */
  public Mount {
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(containerPath, "containerPath");
    hostPath = hostPath.toAbsolutePath().normalize();
    MountRules.checkAlways(hostPath, DEFAULT_CONTAINER_PATH.equals(containerPath));
    if (!containerPath.startsWith("/") || containerPath.contains(",") || containerPath.contains(":")) {
      throw new IllegalArgumentException("mount: container path must be absolute, without ',' or ':': " + containerPath);
    }
  }

  /**
   * The host path with every symlink resolved: what is bound into the container.
   *
   * @throws IllegalArgumentException when it no longer exists or is now refused
   */
  public Path realHostPath() {
    return MountRules.checkAlways(hostPath, DEFAULT_CONTAINER_PATH.equals(containerPath));
  }

  /** @throws IllegalArgumentException when this mount is under a system directory */
  void refuseSystemDirectory() {
    MountRules.refuseSystemDirectory(hostPath, realHostPath());
  }

  /** {@code hostPath} at {@value #DEFAULT_CONTAINER_PATH}, read-only. */
  public static Mount readOnly(Path hostPath) {
    return new Mount(hostPath, DEFAULT_CONTAINER_PATH, true);
  }

  /** {@code hostPath} at {@value #DEFAULT_CONTAINER_PATH}, read-write. */
  public static Mount readWrite(Path hostPath) {
    return new Mount(hostPath, DEFAULT_CONTAINER_PATH, false);
  }
}
