package org.containerops.runtime.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory (or file) bind-mounted into a sandbox.
 *
 * <p>Upstream mounts one directory at {@value #DEFAULT_CONTAINER_PATH}, read-only unless asked
 * ({@code conda_forge_feedstock_ops/container_utils.py:142-151}).
 *
 * @param hostPath absolute, normalized path that exists on the host
 * @param containerPath absolute path inside the container
 * @param readOnly true unless write access was asked for
 */
public record Mount(Path hostPath, String containerPath, boolean readOnly) {
  /** Where upstream mounts the operation's directory. */
  public static final String DEFAULT_CONTAINER_PATH = "/cf_feedstock_ops_dir";

  /**
   * @throws IllegalArgumentException when the host path does not exist or the container path is not
   *     absolute
   */
  public Mount {
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(containerPath, "containerPath");
    hostPath = hostPath.toAbsolutePath().normalize();
    if (!Files.exists(hostPath)) {
      throw new IllegalArgumentException("mount: host path does not exist: " + hostPath);
    }
    if (!containerPath.startsWith("/") || containerPath.contains(",") || containerPath.contains(":")) {
      throw new IllegalArgumentException("mount: container path must be absolute, without ',' or ':': " + containerPath);
    }
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
