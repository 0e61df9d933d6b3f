package org.containerops.runtime.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What to run in a sandbox and how it is locked down. Immutable; build with {@link #builder(String)}.
 *
 * <p>Secure by default (upstream's {@code docker run} flags, {@code container_utils.py:50-71}, plus
 * fixes): non-root, read-only root filesystem, tmpfs {@code /tmp}, all capabilities dropped,
 * {@code no-new-privileges}, network {@code none}, {@link Limits#defaults()}, mounts read-only. One named
 * exception for trusted images: {@link Builder#trustedImageAsBuilt()}.
 *
 * @param image image reference, present locally (nothing is pulled)
 * @param command argv; empty means the image's {@code CMD}
 * @param entrypoint replaces the image's {@code ENTRYPOINT} when present; empty list clears it
 * @param env environment variables, sorted by name
 * @param stdin input fed to stdin, or empty for a closed stdin
 * @param mounts bind mounts, in order, distinct container paths
 * @param workingDir working directory inside the container, or empty for the image's
 * @param user {@code uid[:gid]} or a user name; empty means the image's non-root {@code USER}
 * @param runAsRoot true only when root was asked for explicitly
 * @param network network mode: {@code none} (default), {@code host} or a network name
 * @param limits resource limits
 * @param timeout wall time from start until the container is killed; positive
 * @param labels extra container labels (ours are added), sorted
 * @param secrets values masked in every log line and error message
 * @param stdoutLimitBytes stdout beyond this many bytes fails the run; positive
 * @param stderrTailBytes how much of the end of stderr errors keep; positive
 * @param confinement {@link Confinement#LOCKED_DOWN} (default) or, for trusted images only,
 *     {@link Confinement#TRUSTED_IMAGE_AS_BUILT} ({@link Builder#trustedImageAsBuilt()})
 * @param stderrLimitBytes stderr beyond this many bytes fails the run (as stdout's bound does); positive
 * @param allowSystemMounts true when mounts may be system directories ({@code /etc}, {@code /proc}, ...);
 *     {@code /}, the engine socket and other sockets are refused anyway (see {@link Mount})
 */
public record SandboxSpec(
    String image,
    List<String> command,
    Optional<List<String>> entrypoint,
    Map<String, String> env,
    Optional<StdinSource> stdin,
    List<Mount> mounts,
    Optional<String> workingDir,
    Optional<String> user,
    boolean runAsRoot,
    String network,
    Limits limits,
    Duration timeout,
    Map<String, String> labels,
    List<String> secrets,
    long stdoutLimitBytes,
    int stderrTailBytes,
    Confinement confinement,
    long stderrLimitBytes,
    boolean allowSystemMounts) {

  /** Default bound on stdout: 256 MiB. */
  public static final long DEFAULT_STDOUT_LIMIT = 256L * 1024 * 1024;
  /** Default bound on stderr: 1 GiB (it is streamed, not kept; the bound stops floods). */
  public static final long DEFAULT_STDERR_LIMIT = 1024L * 1024 * 1024;
  /** Default stderr tail kept for errors: 64 KiB. */
  public static final int DEFAULT_STDERR_TAIL = 64 * 1024;
  /** Default timeout: one hour (upstream has none on the host side). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

  private static final Pattern ROOT_USER = Pattern.compile("(0|root)(:(0|root))?");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /** Validates and copies every field; see the builder for the meaning of each. */
  public SandboxSpec {
    check(image != null && !image.isBlank(), "image: give an image reference");
    command = List.copyOf(command);
    entrypoint = entrypoint.map(List::copyOf);
    env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
    env.keySet().forEach(k -> check(ENV_NAME.matcher(k).matches(), "env: invalid variable name '" + k + "'"));
    mounts = List.copyOf(mounts);
    check(mounts.stream().map(Mount::containerPath).distinct().count() == mounts.size(),
        "mounts: two mounts at one container path");
    Objects.requireNonNull(network, "network");
    check(!network.isBlank(), "network: give none, host or a network name");
    Objects.requireNonNull(limits, "limits");
    check(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout: must be positive");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    secrets = List.copyOf(secrets);
    check(stdoutLimitBytes > 0, "stdoutLimitBytes: must be > 0");
    check(stderrTailBytes > 0, "stderrTailBytes: must be > 0");
    Objects.requireNonNull(confinement, "confinement");
    check(stderrLimitBytes > 0, "stderrLimitBytes: must be > 0");
    if (!allowSystemMounts) {
      mounts.forEach(Mount::refuseSystemDirectory);
    }
    user.ifPresent(u -> check(!u.isBlank(), "user: give uid[:gid] or a name"));
    if (user.isPresent() && ROOT_USER.matcher(user.get()).matches() && !runAsRoot) {
      throw new IllegalArgumentException("user: '" + user.get() + "' is root; ask for it with runAsRoot()");
    }
  }

  /**
   * The spec with the fields that existed before {@link Confinement}: locked down, the default stderr bound,
   * no system directories mounted.
   */
  public SandboxSpec(String image, List<String> command, Optional<List<String>> entrypoint, Map<String, String> env,
      Optional<StdinSource> stdin, List<Mount> mounts, Optional<String> workingDir, Optional<String> user,
      boolean runAsRoot, String network, Limits limits, Duration timeout, Map<String, String> labels,
      List<String> secrets, long stdoutLimitBytes, int stderrTailBytes) {
    this(image, command, entrypoint, env, stdin, mounts, workingDir, user, runAsRoot, network, limits, timeout, labels,
        secrets, stdoutLimitBytes, stderrTailBytes, Confinement.LOCKED_DOWN, DEFAULT_STDERR_LIMIT, false);
  }

  /** True when this spec inspects a trusted image as built ({@link Confinement#TRUSTED_IMAGE_AS_BUILT}). */
  public boolean isTrustedImageAsBuilt() {
    return confinement == Confinement.TRUSTED_IMAGE_AS_BUILT;
  }

  /** True when {@code user} names root (uid 0), e.g. {@code 0}, {@code root}, {@code 0:0}. */
  public static boolean isRootUser(String user) {
    return user == null || user.isBlank() || ROOT_USER.matcher(user.strip()).matches();
  }

  /** A builder for a sandbox running {@code image}. */
  public static Builder builder(String image) {
    return new Builder(image);
  }

  /** A builder preset with this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder(image).command(command).env(env).network(network).limits(limits)
        .timeout(timeout).labels(labels).stdoutLimitBytes(stdoutLimitBytes).stderrTailBytes(stderrTailBytes);
    entrypoint.ifPresent(b::entrypoint);
    stdin.ifPresent(b::stdin);
    mounts.forEach(b::mount);
    workingDir.ifPresent(b::workingDir);
    user.ifPresent(b::user);
    secrets.forEach(b::secret);
    if (runAsRoot) {
      b.runAsRoot();
    }
    if (isTrustedImageAsBuilt()) {
      b.trustedImageAsBuilt();
    }
    if (allowSystemMounts) {
      b.allowSystemMounts();
    }
    return b.stderrLimitBytes(stderrLimitBytes);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds a {@link SandboxSpec}; defaults are the secure ones described on the record. */
  public static final class Builder {
    private final String image;
    private final List<String> command = new ArrayList<>();
    private List<String> entrypoint;
    private final Map<String, String> env = new TreeMap<>();
    private StdinSource stdin;
    private final List<Mount> mounts = new ArrayList<>();
    private String workingDir;
    private String user;
    private boolean runAsRoot;
    private String network = "none";
    private Limits limits = Limits.defaults();
    private Duration timeout = DEFAULT_TIMEOUT;
    private final Map<String, String> labels = new TreeMap<>();
    private final List<String> secrets = new ArrayList<>();
    private long stdoutLimitBytes = DEFAULT_STDOUT_LIMIT;
    private int stderrTailBytes = DEFAULT_STDERR_TAIL;
    private Confinement confinement = Confinement.LOCKED_DOWN;
    private long stderrLimitBytes = DEFAULT_STDERR_LIMIT;
    private boolean allowSystemMounts;

    private Builder(String image) {
      this.image = image;
    }

    /** The argv (replaces any earlier one). */
    public Builder command(List<String> argv) {
      command.clear();
      command.addAll(argv);
      return this;
    }

    /** The argv (replaces any earlier one). */
    public Builder command(String... argv) {
      return command(List.of(argv));
    }

    /** Replaces the image's ENTRYPOINT; an empty list clears it. */
    public Builder entrypoint(List<String> argv) {
      entrypoint = List.copyOf(argv);
      return this;
    }

    /** Sets one environment variable. */
    public Builder env(String name, String value) {
      env.put(name, Objects.requireNonNull(value, "env value of " + name));
      return this;
    }

    /** Sets several environment variables. */
    public Builder env(Map<String, String> vars) {
      vars.forEach(this::env);
      return this;
    }

    /** Sets an environment variable whose value is a secret (masked in logs and errors). */
    public Builder secretEnv(String name, String value) {
      secret(value);
      return env(name, value);
    }

    /** Feeds stdin; the container sees end-of-file after the last byte. */
    public Builder stdin(StdinSource source) {
      stdin = Objects.requireNonNull(source, "stdin");
      return this;
    }

    /** Feeds these bytes to stdin. */
    public Builder stdin(byte[] bytes) {
      return stdin(StdinSource.ofBytes(bytes));
    }

    /** Adds a bind mount. */
    public Builder mount(Mount mount) {
      mounts.add(Objects.requireNonNull(mount, "mount"));
      return this;
    }

    /** Mounts {@code hostDir} read-only at {@value Mount#DEFAULT_CONTAINER_PATH}. */
    public Builder mount(Path hostDir) {
      return mount(Mount.readOnly(hostDir));
    }

    /** The working directory inside the container. */
    public Builder workingDir(String dir) {
      workingDir = dir;
      return this;
    }

    /** Runs as {@code uid[:gid]} or a user name; root needs {@link #runAsRoot()} too. */
    public Builder user(String uidGid) {
      user = uidGid;
      return this;
    }

    /** Allows running as root (uid 0), as the image's user or as {@code user("0:0")}. */
    public Builder runAsRoot() {
      runAsRoot = true;
      return this;
    }

    /** Network mode: {@code none} (default), {@code host} or a network name. */
    public Builder network(String mode) {
      network = mode;
      return this;
    }

    /** Resource limits. */
    public Builder limits(Limits l) {
      limits = l;
      return this;
    }

    /** Wall-time limit from start; the container is killed when it passes. */
    public Builder timeout(Duration d) {
      timeout = d;
      return this;
    }

    /** Adds one container label. */
    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    /** Adds container labels. */
    public Builder labels(Map<String, String> l) {
      labels.putAll(l);
      return this;
    }

    /** Marks values (tokens, passwords in args) to mask in logs and errors. */
    public Builder secret(String value) {
      secrets.add(Objects.requireNonNull(value, "secret"));
      return this;
    }

    /** Marks several values as secrets. */
    public Builder secrets(Collection<String> values) {
      values.forEach(this::secret);
      return this;
    }

    /** Bound on stdout, bytes. */
    public Builder stdoutLimitBytes(long bytes) {
      stdoutLimitBytes = bytes;
      return this;
    }

    /** Bound on stderr, bytes: past it the container is killed ({@code OUTPUT_TOO_LARGE}). */
    public Builder stderrLimitBytes(long bytes) {
      stderrLimitBytes = bytes;
      return this;
    }

    /**
     * Allows mounting system directories ({@code /etc}, {@code /proc}, {@code /sys}, {@code /dev},
     * {@code /boot}, {@code /var/run}, {@code /run} and below; CLI {@code --allow-system-mount}). {@code /},
     * the engine socket and other sockets stay refused.
     */
    public Builder allowSystemMounts() {
      allowSystemMounts = true;
      return this;
    }

    /** How much of the end of stderr errors keep, bytes. */
    public Builder stderrTailBytes(int bytes) {
      stderrTailBytes = bytes;
      return this;
    }

    /**
     * Inspect a trusted image as built ({@link Confinement#TRUSTED_IMAGE_AS_BUILT}), like docker-stacks'
     * {@code DockerRunner}: the image's {@code USER} (root included, no {@link #runAsRoot()} needed), env and
     * filesystem as built, a writable root filesystem, the image's own {@code /tmp}, nothing added to the
     * environment, engine-default ulimits and capabilities. Still ours: network {@code none} unless asked,
     * labels, memory/CPU/pids limits, removal in every case, time limits.
     *
     * <p>ONLY for images you built or trust, when output must not depend on the sandbox (taggers,
     * manifests, {@code conda info}). Untrusted work (recipes, feedstocks, user input) keeps the default.
     */
    public Builder trustedImageAsBuilt() {
      confinement = Confinement.TRUSTED_IMAGE_AS_BUILT;
      return this;
    }

    /** @throws IllegalArgumentException naming the field that is invalid */
    public SandboxSpec build() {
      return new SandboxSpec(image, command, Optional.ofNullable(entrypoint), env, Optional.ofNullable(stdin),
          mounts, Optional.ofNullable(workingDir), Optional.ofNullable(user), runAsRoot, network, limits,
          timeout, labels, secrets, stdoutLimitBytes, stderrTailBytes, confinement, stderrLimitBytes,
          allowSystemMounts);
    }
  }
}
