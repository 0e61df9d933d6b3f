package org.containerops.feedstock.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.containerops.feedstock.inside.InsideCheckSolvable;
import org.containerops.feedstock.inside.InsideLint;
import org.containerops.feedstock.inside.InsideParseNames;
import org.containerops.feedstock.inside.InsideRerender;
import org.containerops.runtime.protocol.ContainerSide;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code feedstock-ops container <op>}: the container side, answering upstream's
 * {@code conda-forge-feedstock-ops-container} CLI ({@code conda_forge_feedstock_ops/__main__.py:374-466}):
 * same sub-command and option names and defaults, one JSON reply on stdout with the arguments
 * echoed, {@code data} on success, {@code error} and {@code traceback} on failure, exit 0 either way.
 */
@Command(name = "container", mixinStandardHelpOptions = true,
    description = "The container side (upstream's conda-forge-feedstock-ops-container); prints one JSON reply",
    subcommands = {ContainerCommand.Rerender.class, ContainerCommand.ParseNames.class, ContainerCommand.Lint.class,
        ContainerCommand.CheckSolvable.class})
final class ContainerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** {@code --log-level} (upstream's click choice, default info) and the hidden mount path. */
  static final class Common {
    static final List<String> LEVELS = List.of("debug", "info", "warning", "error", "critical");

    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--log-level", defaultValue = "info", description = "debug, info, warning, error or critical")
    String logLevel;

    @Option(names = "--ops-dir", hidden = true, defaultValue = "/cf_feedstock_ops_dir")
    Path opsDir;

    void validate() {
      if (!LEVELS.contains(logLevel)) {
        throw new ParameterException(mixee.commandLine(), "Invalid value for '--log-level': '" + logLevel
            + "' is not one of " + LEVELS);
      }
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
          logLevel.equals("critical") ? "error" : logLevel.equals("warning") ? "warn" : logLevel);
    }
  }

  @Command(name = "rerender", mixinStandardHelpOptions = true,
      description = "Rerender the one *-feedstock dir in the mount with conda-smithy; reply with a git patch")
  static final class Rerender implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--timeout", description = "The timeout for the rerender.") Integer timeout;

    @Option(names = "--exclusive-config-file", description = "A conda-build-type pinnings file (a name in the mount).")
    String exclusiveConfigFile;

    @Override
    public Integer call() {
      common.validate();
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("timeout", timeout);
      args.put("exclusive_config_file", exclusiveConfigFile);
      return ContainerSide.respond(args, () -> new InsideRerender(System.getenv(), System.err)
          .run(common.opsDir, timeout == null ? null : Duration.ofSeconds(timeout), exclusiveConfigFile));
    }
  }

  @Command(name = "parse-package-and-feedstock-names", mixinStandardHelpOptions = true,
      description = "Reply with the feedstock name, package names and subdirs (native, no conda)")
  static final class ParseNames implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      common.validate();
      return ContainerSide.respond(Map.of(), () -> InsideParseNames.run(common.opsDir));
    }
  }

  @Command(name = "lint", mixinStandardHelpOptions = true,
      description = "Lint every recipe under the mount with conda-smithy")
  static final class Lint implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      common.validate();
      return ContainerSide.respond(Map.of(),
          () -> new InsideLint(System.getenv(), System.err).run(common.opsDir, common.logLevel));
    }
  }

  @Command(name = "check-solvable", mixinStandardHelpOptions = true,
      description = "Check the mounted feedstock's variants for solvability")
  static final class CheckSolvable implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--timeout", defaultValue = "600", description = "The timeout for the solver check in seconds.")
    int timeout;

    @Option(names = "--additional-channels", description = "Additional channels, comma separated.")
    String additionalChannels;

    @Option(names = "--build-platform", description = "The conda-forge.yml build_platform section as a JSON string.")
    String buildPlatform;

    @Option(names = "--solver", defaultValue = "rattler", description = "The backend solver to use.")
    String solver;

    @Option(names = "--fail-fast", description = "Fail at the first error.")
    boolean failFast;

    @Override
    public Integer call() {
      common.validate();
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("timeout", timeout);
      args.put("additional_channels", additionalChannels);
      args.put("build_platform", buildPlatform);
      args.put("solver", solver);
      args.put("fail_fast", failFast);
      return ContainerSide.respond(args, () -> new InsideCheckSolvable(System.getenv(), System.err)
          .run(common.opsDir, common.logLevel, timeout, additionalChannels, buildPlatform, solver, failFast));
    }
  }
}
