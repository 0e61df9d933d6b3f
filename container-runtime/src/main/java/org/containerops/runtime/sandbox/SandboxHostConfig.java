package org.containerops.runtime.sandbox;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.Ulimit;
import java.util.ArrayList;
import java.util.List;
import org.containerops.runtime.api.Limits;
import org.containerops.runtime.api.SandboxSpec;

/**
 * The locked-down {@link HostConfig} for a sandbox, the API form of upstream's {@code docker run}
 * flags ({@code conda_forge_feedstock_ops/container_utils.py:50-71}, {@code :142-151}):
 * {@code --security-opt=no-new-privileges --read-only --cap-drop=all}, tmpfs {@code /tmp} mode 1777,
 * memory, CPUs, nofile and nproc ulimits, plus a pids limit and the network mode (default
 * {@code none}; upstream uses the default bridge). Bind mounts are read-only unless asked. The log driver
 * is {@code none}: output is read through the attach stream, so a flood neither fills a log file on the
 * host nor is slowed down by the engine writing one line at a time to it.
 *
 * <p>{@link org.containerops.runtime.api.Confinement#TRUSTED_IMAGE_AS_BUILT} keeps only the network mode,
 * memory, CPU and pids limits and the mounts: writable root filesystem, no tmpfs, engine-default
 * capabilities, security options and ulimits (docker-stacks' {@code DockerRunner}).
 */
public final class SandboxHostConfig {
  /** Where the writable tmpfs is mounted. */
  public static final String TMPFS_PATH = "/tmp";

  private SandboxHostConfig() {}

  /**
   * The host config for {@code spec}.
   *
   * @param autoRemove let the engine remove the container when it exits (as {@code docker run --rm})
   */
  public static HostConfig of(SandboxSpec spec, boolean autoRemove) {
    Limits limits = spec.limits();
    List<Mount> mounts = new ArrayList<>();
    if (!spec.isTrustedImageAsBuilt()) {
      mounts.add(new Mount().withType(MountType.TMPFS).withTarget(TMPFS_PATH)
          .withTmpfsOptions(new TmpfsOptions().withSizeBytes(limits.tmpfsBytes()).withMode(01777)));
    }
    for (org.containerops.runtime.api.Mount m : spec.mounts()) {
      mounts.add(new Mount().withType(MountType.BIND).withSource(m.realHostPath().toString())
          .withTarget(m.containerPath()).withReadOnly(m.readOnly()));
    }
    HostConfig config = HostConfig.newHostConfig()
        .withNetworkMode(spec.network())
        .withMemory(limits.memoryBytes())
        .withNanoCPUs(limits.nanoCpus())
        .withPidsLimit(limits.pidsLimit())
        .withMounts(mounts)
        .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE)) // output is attached; no log file to fill
        .withAutoRemove(autoRemove);
    if (spec.isTrustedImageAsBuilt()) {
      return config; // as docker-stacks' DockerRunner: engine defaults for rootfs, caps, ulimits, /tmp
    }
    return config
        .withReadonlyRootfs(true)
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withUlimits(List.of(new Ulimit("nofile", limits.nofile(), limits.nofile()),
            new Ulimit("nproc", limits.nproc(), limits.nproc())));
  }
}
