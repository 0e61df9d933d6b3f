package org.containerops.feedstock.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.feedstock.api.FeedstockOpsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code feedstock-ops}: the host commands (run each operation in a sandboxed container) and
 * {@code feedstock-ops container <op>}, the container side with upstream's
 * {@code conda-forge-feedstock-ops-container} contract. Exit codes: 0 done; 1 failed (one line
 * {@code feedstock-ops: …} on stderr, details with {@code --stacktrace}); 2 bad command line.
 */
@Command(name = "feedstock-ops", mixinStandardHelpOptions = true, versionProvider = FeedstockOpsCli.ManifestVersion.class,
    description = "Run conda-forge feedstock operations (rerender, lint, names, solvability) in a sandboxed container.",
    subcommands = {RerenderCommand.class, LintCommand.class, ParseNamesCommand.class, CheckSolvableCommand.class,
        ContainerCommand.class, CommandLine.HelpCommand.class})
public final class FeedstockOpsCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Runs the CLI and exits with its status. */
  public static void main(String[] args) {
    // the CLI prints the container's stderr itself (HostOptions): keep the runtime's copy of it quiet
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(commandLine().execute(args));
  }

  /** A fresh command line with feedstock-ops' exit-code handling; tests call this too. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FeedstockOpsCli());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean trace = matched(parsed, "--stacktrace");
      if (!(e instanceof FeedstockOpsException f)) {
        throw e;  // a bug: picocli prints the trace, exit 1
      }
      cmd.getErr().println("feedstock-ops: " + f.getMessage());
      if (trace) {
        f.remoteError().ifPresent(r -> {
          cmd.getErr().println("container error: " + r.name() + ": " + r.message());
          if (r.traceback() != null) {
            cmd.getErr().println("container traceback:\n" + r.traceback());
          }
        });
        if (!f.stderrTail().isEmpty()) {
          cmd.getErr().println("container stderr (tail):\n" + f.stderrTail());
        }
        f.printStackTrace(new java.io.PrintWriter(cmd.getErr(), true));
      }
      cmd.getErr().flush();
      return ExitCode.SOFTWARE;
    });
    return cl;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  static boolean matched(ParseResult parsed, String option) {
    return parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption(option));
  }

  /** The version from the jar manifest ({@code Implementation-Version}). */
  static final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Optional.ofNullable(FeedstockOpsCli.class.getPackage().getImplementationVersion()).orElse("(development build)");
      return new String[] {"feedstock-ops " + v};
    }
  }
}
