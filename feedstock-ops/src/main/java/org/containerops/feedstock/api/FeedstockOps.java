package org.containerops.feedstock.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.containerops.feedstock.api.FeedstockOpsException.Reason;
import org.containerops.feedstock.recipe.FeedstockNamesParser;
import org.containerops.feedstock.recipe.ParsedNames;
import org.containerops.feedstock.recipe.RecipeException;
import org.containerops.feedstock.sandbox.Operation;
import org.containerops.feedstock.sandbox.OperationSandbox;
import org.containerops.feedstock.settings.FeedstockOpsSettings;
import org.containerops.feedstock.settings.LibraryVersion;
import org.containerops.feedstock.staging.FeedstockCopy;
import org.containerops.feedstock.staging.Git;
import org.containerops.feedstock.staging.PatchApplier;
import org.containerops.feedstock.staging.Permissions;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.SandboxResult;
import org.containerops.runtime.paths.UnsafePathException;
import org.containerops.runtime.protocol.ProtocolJson;

/**
 * Feedstock operations run in a sandboxed container (upstream's host side,
 * {@code conda_forge_feedstock_ops/{rerender,lint,parse_package_and_feedstock_names,check_solvable}.py}),
 * or locally when {@code CF_FEEDSTOCK_OPS_IN_CONTAINER} says we already are in one.
 *
 * <pre>{@code
 * try (FeedstockOps ops = FeedstockOps.builder().build()) {
 *   String msg = ops.rerender(Path.of("llvmdev-feedstock"), Duration.ofMinutes(15)); // null: nothing changed
 * }
 * }</pre>
 *
 * <p>Settings are read from the environment on every call. Each call copies the feedstock (without
 * {@code .git}) into a temp dir that is mounted instead of the feedstock and removed afterwards.
 * Thread-safe: calls may run in parallel. Closing releases the engine connection if this instance
 * opened it.
 */
public final class FeedstockOps implements AutoCloseable {
  private final Supplier<Map<String, String>> env;
  private final String osName;
  private final OperationSandbox sandbox;
  private final FeedstockOpsListener listener;
  private final String logLevel;
  private final Boolean useContainer;
  private final Duration offlineTimeout;
  private final Duration timeoutGrace;
  private final LocalOps local;
  private ContainerRuntime runtime;
  private final boolean ownsRuntime;

  private FeedstockOps(Builder b) {
    this.env = b.env;
    this.osName = b.osName;
    this.sandbox = b.sandbox;
    this.listener = b.listener;
    this.logLevel = b.logLevel;
    this.useContainer = b.useContainer;
    this.offlineTimeout = b.offlineTimeout;
    this.timeoutGrace = b.timeoutGrace;
    this.runtime = b.runtime;
    this.ownsRuntime = b.runtime == null;
    this.local = new LocalOps(env);
  }

  /** A builder with upstream's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** This call's settings, read from the environment now. @throws FeedstockOpsException BAD_INPUT for a bad variable */
  public FeedstockOpsSettings settings() {
    try {
      return FeedstockOpsSettings.fromEnv(env.get(), osName, LibraryVersion.get());
    } catch (IllegalArgumentException e) {
      throw new FeedstockOpsException(Reason.BAD_INPUT, "settings", "-", e.getMessage(), null, "", e);
    }
  }

  /**
   * Rerenders with conda-smithy and applies the result to the feedstock as a git patch, restores the
   * exec bits and stages the touched files ({@code rerender.py:66-163}).
   *
   * @param feedstockDir a git work tree
   * @param timeout conda-smithy's timeout (the container is killed a grace period later), or null
   * @return the commit message, or null when nothing changed
   * @throws FeedstockOpsException on any failure; the feedstock is unchanged unless the patch applied
   */
  public String rerender(Path feedstockDir, Duration timeout) {
    return rerender(feedstockDir, timeout, null).commitMessage().orElse(null);
  }

  /** {@link #rerender(Path, Duration)} with {@code --exclusive-config-file}, returning the touched files too. */
  public RerenderResult rerender(Path feedstockDir, Duration timeout, Path exclusiveConfigFile) {
    return guard("rerender", feedstockDir, () -> doRerender(feedstockDir, timeout, exclusiveConfigFile));
  }

  private RerenderResult doRerender(Path feedstockDir, Duration timeout, Path exclusiveConfigFile) {
    Path dir = existingDir(feedstockDir, "rerender");
    String name = dir.getFileName().toString();
    try {
      PatchApplier.requireWorkTree(new Git(dir), dir);
    } catch (Git.GitException e) {
      throw new FeedstockOpsException(Reason.BAD_INPUT, "rerender", name, e.getMessage(), null, "", e);
    }
    FeedstockOpsSettings s = settings();
    try (FeedstockCopy copy = FeedstockCopy.create("rerender")) {
      String copyName = name.endsWith("-feedstock") ? name : name + "-feedstock";
      copy.copy(dir, copyName);
      copy.write("permissions-" + copyName + ".json", ProtocolJson.dumps(Permissions.userExecute(dir)));
      List<String> args = new ArrayList<>();
      if (timeout != null) {
        args.addAll(List.of("--timeout", Long.toString(Math.max(1, timeout.toSeconds()))));
      }
      if (exclusiveConfigFile != null) {
        Files.copy(exclusiveConfigFile, copy.root().resolve(exclusiveConfigFile.getFileName().toString()));
        args.add("--exclusive-config-file=" + exclusiveConfigFile.getFileName());
      }
      Permissions.plusRwX(copy.root());
      Map<?, ?> data = ResultShapes.asMap(run(s, Operation.RERENDER, name, args, copy.root(),
          timeout == null ? offlineTimeout : timeout.plus(timeoutGrace),
          () -> local.rerender(copy.root(), timeout, exclusiveConfigFile)), "rerender", name);
      Object message = data.get("commit_message");
      Object patch = data.get("patch");
      if (message == null || patch == null) {
        return RerenderResult.unchanged();
      }
      Map<?, ?> perms = data.get("permissions") instanceof Map<?, ?> m ? m : Map.of();
      @SuppressWarnings("unchecked")
      Map<String, ?> p = (Map<String, ?>) perms;
      try {
        List<String> touched = PatchApplier.apply(dir, String.valueOf(patch), p, copy.root());
        return new RerenderResult(Optional.of(String.valueOf(message)), touched);
      } catch (Git.GitException | UncheckedIOException e) {
        throw new FeedstockOpsException(Reason.GIT_FAILED, "rerender", name, e.getMessage(), null, "", e);
      }
    } catch (IOException e) {
      throw new FeedstockOpsException(Reason.BAD_INPUT, "rerender", name, e.getMessage(), null, "", e);
    }
  }

  /**
   * Feedstock name, package names and subdirs. Native in the container and locally: no conda needed.
   *
   * @throws FeedstockOpsException RECIPE when the recipe cannot be rendered, or a container failure
   */
  public ParsedNames parsePackageAndFeedstockNames(Path feedstockDir) {
    return guard(Operation.PARSE_NAMES.cliName(), feedstockDir, () -> doParseNames(feedstockDir));
  }

  private ParsedNames doParseNames(Path feedstockDir) {
    Path dir = existingDir(feedstockDir, "parse-package-and-feedstock-names");
    String name = dir.getFileName().toString();
    FeedstockOpsSettings s = settings();
    if (!s.shouldUseContainer(useContainer)) {
      try {
        return FeedstockNamesParser.parse(dir);
      } catch (RecipeException e) {
        throw new FeedstockOpsException(Reason.RECIPE, Operation.PARSE_NAMES.cliName(), name, e.getMessage(), null, "", e);
      }
    }
    try (FeedstockCopy copy = FeedstockCopy.create("parse")) {
      copy.copy(dir, name.endsWith("-feedstock") ? name : name + "-feedstock");
      Permissions.plusRwX(copy.root());
      Map<?, ?> data = ResultShapes.asMap(run(s, Operation.PARSE_NAMES, name, List.of(), copy.root(), offlineTimeout, null),
          Operation.PARSE_NAMES.cliName(), name);
      return ParsedNames.of(String.valueOf(data.get("feedstock_name")), ResultShapes.strings(data.get("package_names")),
          ResultShapes.strings(data.get("subdirs")));
    }
  }

  /**
   * Lints every recipe of the feedstock with conda-smithy ({@code lint.py:21-47}).
   *
   * @throws FeedstockOpsException TOOL_MISSING when the image lacks conda-smithy, or another failure
   */
  public LintResult lint(Path feedstockDir) {
    return guard("lint", feedstockDir, () -> doLint(feedstockDir));
  }

  private LintResult doLint(Path feedstockDir) {
    Path dir = existingDir(feedstockDir, "lint");
    String name = dir.getFileName().toString();
    FeedstockOpsSettings s = settings();
    try (FeedstockCopy copy = FeedstockCopy.create("lint")) {
      copy.copy(dir, "");
      Permissions.plusRwX(copy.root());
      Map<?, ?> data = ResultShapes.asMap(run(s, Operation.LINT, name, List.of(), copy.root(), offlineTimeout,
          () -> local.lint(dir, logLevel())), "lint", name);
      return ResultShapes.lint(data);
    }
  }

  /**
   * Checks that the recipe's requirements can be solved for every variant, forwarding every option.
   *
   * @throws FeedstockOpsException on failure (an unsolvable recipe is a result, not a failure)
   */
  public SolvableResult checkSolvable(CheckSolvableSpec spec) {
    return guard("check-solvable", spec.feedstockDir(), () -> doCheckSolvable(spec));
  }

  private SolvableResult doCheckSolvable(CheckSolvableSpec spec) {
    Path dir = existingDir(spec.feedstockDir(), "check-solvable");
    String name = dir.getFileName().toString();
    FeedstockOpsSettings s = settings();
    List<String> args = ResultShapes.checkSolvableArgs(spec);
    try (FeedstockCopy copy = FeedstockCopy.create("solvable")) {
      copy.copy(dir, "");
      Permissions.plusRwX(copy.root());
      Map<?, ?> data = ResultShapes.asMap(run(s, Operation.CHECK_SOLVABLE, name, args, copy.root(),
          spec.timeout().plus(timeoutGrace), () -> local.checkSolvable(dir, logLevel(), spec)), "check-solvable", name);
      return ResultShapes.solvable(data);
    }
  }

  /**
   * Turns a local I/O failure (temp dir, copy) into a {@link FeedstockOpsException}: IO_FAILED, or
   * BAD_INPUT for a symbolic link that leaves the feedstock.
   */
  private static <T> T guard(String op, Path dir, Supplier<T> body) {
    try {
      return body.get();
    } catch (UnsafePathException e) {
      throw new FeedstockOpsException(Reason.BAD_INPUT, op, String.valueOf(dir == null ? null : dir.getFileName()),
          e.getMessage(), null, "", e);
    } catch (UncheckedIOException e) {
      throw new FeedstockOpsException(Reason.IO_FAILED, op, String.valueOf(dir == null ? null : dir.getFileName()),
          e.getMessage(), null, "", e);
    }
  }

  /** Runs in a container, or locally when the settings say so. */
  private Object run(FeedstockOpsSettings s, Operation op, String feedstock, List<String> args, Path mountDir,
      Duration timeout, LocalOps.Call localCall) {
    if (!s.shouldUseContainer(useContainer) && localCall != null) {
      listener.started(op.cliName(), feedstock, null);
      return local.call(op.cliName(), feedstock, localCall);
    }
    SandboxResult r = ContainerCall.run(runtime(), sandbox, op, feedstock, logLevel(), args, mountDir, timeout, s,
        env.get(), listener);
    return r.dataValue();
  }

  private synchronized ContainerRuntime runtime() {
    if (runtime == null) {
      try {
        runtime = ContainerRuntime.connect();
      } catch (RuntimeException e) {
        throw new FeedstockOpsException(Reason.ENGINE, "connect", "-", e.getMessage(), null, "", e);
      }
    }
    return runtime;
  }

  /** The {@code --log-level} forwarded: the builder's, else this library's SLF4J level (upstream: the caller's logger). */
  String logLevel() {
    if (logLevel != null) {
      return logLevel;
    }
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("org.containerops.feedstock");
    return log.isDebugEnabled() ? "debug" : log.isInfoEnabled() ? "info" : log.isWarnEnabled() ? "warning" : "error";
  }

  private static Path existingDir(Path dir, String op) {
    Objects.requireNonNull(dir, "feedstockDir");
    if (!Files.isDirectory(dir)) {
      throw new FeedstockOpsException(Reason.BAD_INPUT, op, String.valueOf(dir.getFileName()),
          "feedstock directory " + dir + " does not exist", null, "", null);
    }
    return dir.toAbsolutePath().normalize();
  }

  /** Closes the engine connection if this instance opened it; idempotent. */
  @Override
  public synchronized void close() {
    if (ownsRuntime && runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  /** Builds a {@link FeedstockOps}; every setting has upstream's default. */
  public static final class Builder {
    private Supplier<Map<String, String>> env = System::getenv;
    private String osName = System.getProperty("os.name");
    private OperationSandbox sandbox = OperationSandbox.defaults();
    private FeedstockOpsListener listener = FeedstockOpsListener.NONE;
    private String logLevel;
    private Boolean useContainer;
    private Duration offlineTimeout = Duration.ofMinutes(30);
    private Duration timeoutGrace = Duration.ofMinutes(2);
    private ContainerRuntime runtime;

    private Builder() {}

    /** Where settings come from, read on every call (default: the process environment). */
    public Builder environment(Supplier<Map<String, String>> e) {
      env = Objects.requireNonNull(e, "environment");
      return this;
    }

    /** {@code os.name} for the proxy default (tests pin it). */
    public Builder osName(String name) {
      osName = name;
      return this;
    }

    /** Container command, extra mounts and env, limits (default: upstream's command and limits). */
    public Builder sandbox(OperationSandbox s) {
      sandbox = Objects.requireNonNull(s, "sandbox");
      return this;
    }

    /** Progress listener. */
    public Builder listener(FeedstockOpsListener l) {
      listener = Objects.requireNonNull(l, "listener");
      return this;
    }

    /** {@code --log-level} for the container: debug, info, warning, error or critical. */
    public Builder logLevel(String level) {
      if (!List.of("debug", "info", "warning", "error", "critical").contains(level)) {
        throw new IllegalArgumentException("logLevel: want debug, info, warning, error or critical, got " + level);
      }
      logLevel = level;
      return this;
    }

    /** Upstream's {@code use_container}: null (default) decides from {@code CF_FEEDSTOCK_OPS_IN_CONTAINER}. */
    public Builder useContainer(Boolean use) {
      useContainer = use;
      return this;
    }

    /** Host-side limit for parse-names, lint and a rerender without timeout (default 30 min). */
    public Builder offlineTimeout(Duration d) {
      offlineTimeout = Objects.requireNonNull(d, "offlineTimeout");
      return this;
    }

    /** How long after the operation's own timeout the host kills the container (default 2 min). */
    public Builder timeoutGrace(Duration d) {
      timeoutGrace = Objects.requireNonNull(d, "timeoutGrace");
      return this;
    }

    /** Use this runtime (not closed by {@link FeedstockOps#close()}); default: connect on first use. */
    public Builder runtime(ContainerRuntime r) {
      runtime = r;
      return this;
    }

    /** Builds. */
    public FeedstockOps build() {
      return new FeedstockOps(this);
    }
  }
}
