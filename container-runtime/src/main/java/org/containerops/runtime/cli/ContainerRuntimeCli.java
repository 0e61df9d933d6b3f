package org.containerops.runtime.cli;

import java.io.PrintWriter;
import org.containerops.runtime.api.ContainerRuntimeError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

/**
 * {@code container-runtime}: run commands in sandboxed containers from the shell.
 * Exit codes: 0 done, 1 failed (one line on stderr; {@code --stacktrace} for more), 2 bad command line,
 * 130 on Ctrl-C (SIGINT) and 143 on SIGTERM, after the container was removed.
 */
@Command(name = "container-runtime", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    description = "Run commands in locked-down containers that answer with one JSON blob.",
    subcommands = {RunCommand.class, CommandLine.HelpCommand.class})
public final class ContainerRuntimeCli {
  private ContainerRuntimeCli() {}

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int code = commandLine().execute(args);
    if (!ShutdownSignal.jvmShuttingDown()) {
      System.exit(code); // during a shutdown (SIGINT, SIGTERM) the JVM exits with the signal's code: 130, 143
    }
  }

  /** The configured command line; tests call it too. */
  public static CommandLine commandLine() {
    return new CommandLine(new ContainerRuntimeCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean trace = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--stacktrace");
      if (!(e instanceof ContainerRuntimeError error) || trace) {
        throw e;
      }
      report(cmd.getErr(), error);
      return ExitCode.SOFTWARE;
    });
  }

  /**
   * Prints a runtime error: the one-line message, then the container's error and traceback. The
   * container's stderr was already streamed live, so its tail is not repeated.
   */
  static void report(PrintWriter err, ContainerRuntimeError e) {
    err.println("container-runtime: " + e.getMessage());
    e.remoteError().ifPresent(r -> {
      err.println("  error: " + r.name() + ": " + r.message());
      if (r.traceback() != null && !r.traceback().isBlank()) {
        err.println("  traceback:");
        r.traceback().lines().forEach(l -> err.println("    " + l));
      }
    });
    err.flush();
  }
}
