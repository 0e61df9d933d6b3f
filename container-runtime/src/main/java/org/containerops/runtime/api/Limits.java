package org.containerops.runtime.api;

/**
 * Resource limits of a sandbox. Defaults follow upstream's {@code docker run} flags
 * ({@code conda_forge_feedstock_ops/container_utils.py:60-69}): {@code -m 6000m}, {@code --cpus 1},
 * tmpfs {@code /tmp} of 6000&times;1000&times;1000 bytes, {@code --ulimit nofile=1024:1024},
 * {@code --ulimit nproc=2048:2048}. Upstream sets no pids limit; we add {@value #DEFAULT_PIDS}.
 *
 * @param memoryBytes memory limit in bytes, no swap beyond it; &gt; 0
 * @param nanoCpus CPU quota in 10<sup>-9</sup> CPUs; &gt; 0
 * @param pidsLimit maximum number of processes in the container; &gt; 0
 * @param tmpfsBytes size of the writable tmpfs at {@code /tmp}, bytes; &gt; 0
 * @param nofile open-file ulimit (soft = hard); &gt; 0
 * @param nproc process ulimit for the container user (soft = hard); &gt; 0
 */
public record Limits(long memoryBytes, long nanoCpus, long pidsLimit, long tmpfsBytes, long nofile, long nproc) {
  /** Upstream's {@code -m 6000m}: 6000 MiB. */
  public static final long DEFAULT_MEMORY_BYTES = 6000L * 1024 * 1024;
  /** Upstream's {@code DEFAULT_CONTAINER_TMPFS_SIZE_MB * 1000 * 1000}. */
  public static final long DEFAULT_TMPFS_BYTES = 6000L * 1000 * 1000;
  /** Our pids limit (upstream has none). */
  public static final long DEFAULT_PIDS = 4096;

  /** @throws IllegalArgumentException when a value is not positive */
  public Limits {
    check(memoryBytes, "memoryBytes");
    check(nanoCpus, "nanoCpus");
    check(pidsLimit, "pidsLimit");
    check(tmpfsBytes, "tmpfsBytes");
    check(nofile, "nofile");
    check(nproc, "nproc");
  }

  /** Upstream's defaults plus a pids limit of {@value #DEFAULT_PIDS}. */
  public static Limits defaults() {
    return new Limits(DEFAULT_MEMORY_BYTES, 1_000_000_000L, DEFAULT_PIDS, DEFAULT_TMPFS_BYTES, 1024, 2048);
  }

  /** A copy with another memory limit, in bytes. */
  public Limits withMemoryBytes(long bytes) {
    return new Limits(bytes, nanoCpus, pidsLimit, tmpfsBytes, nofile, nproc);
  }

  /** A copy with another CPU quota, in CPUs (e.g. 0.5). */
  public Limits withCpus(double cpus) {
    return new Limits(memoryBytes, Math.round(cpus * 1e9), pidsLimit, tmpfsBytes, nofile, nproc);
  }

  /** A copy with another pids limit. */
  public Limits withPidsLimit(long pids) {
    return new Limits(memoryBytes, nanoCpus, pids, tmpfsBytes, nofile, nproc);
  }

  /** A copy with another tmpfs size, in bytes. */
  public Limits withTmpfsBytes(long bytes) {
    return new Limits(memoryBytes, nanoCpus, pidsLimit, bytes, nofile, nproc);
  }

  private static void check(long v, String name) {
    if (v <= 0) {
      throw new IllegalArgumentException("limits: " + name + " must be > 0, got " + v);
    }
  }
}
