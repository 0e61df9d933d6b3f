package org.containerops.dockerpkg.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.dockerpkg.api.DockerPkgException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code docker-pkg}: the command line (upstream cli.py:58-126). Exit codes: 0 done; 1 failed
 * (one line {@code docker-pkg: …} on stderr, the trace with {@code --stacktrace}); 2 bad command
 * line. {@code build} and {@code prune} need a container engine; {@code render} and {@code update} do not.
 */
@Command(name = "docker-pkg", mixinStandardHelpOptions = true, versionProvider = DockerPkgCli.ManifestVersion.class,
    description = "Build Docker images from Debian-style image definitions.",
    subcommands = {BuildCommand.class, PlanCommand.class, PruneCommand.class, RenderCommand.class, UpdateCommand.class,
        CommandLine.HelpCommand.class})
public final class DockerPkgCli implements Callable<Integer> {
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;

  /** Runs the CLI and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** @return a fresh command line with docker-pkg's exit-code handling; tests call this too */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new DockerPkgCli());
    cl.setExecutionStrategy(parsed -> {
      configureLogging(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (!(e instanceof DockerPkgException) || matched(parsed, "--stacktrace")) {
        throw e;  // a bug, or asked for: picocli prints the trace, exit 1
      }
      cmd.getErr().println("docker-pkg: " + e.getMessage());
      cmd.getErr().flush();
      return ExitCode.SOFTWARE;
    });
    return cl;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: build, prune, render or update");
  }

  static boolean matched(ParseResult parsed, String option) {
    return parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption(option));
  }

  /** {@code --debug}/{@code --info} set slf4j-simple's level unless {@code -D} set it; default warn. */
  private static void configureLogging(ParseResult parsed) {
    if (matched(parsed, "--debug") && matched(parsed, "--info")) {
      throw new ParameterException(parsed.commandSpec().commandLine(), "--debug and --info are mutually exclusive");
    }
    if (System.getProperty(LOG_LEVEL) == null || matched(parsed, "--debug") || matched(parsed, "--info")) {
      System.setProperty(LOG_LEVEL, matched(parsed, "--debug") ? "debug" : matched(parsed, "--info") ? "info" : "warn");
    }
  }

  /** The version from the jar manifest ({@code Implementation-Version}). */
  static final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Optional.ofNullable(DockerPkgCli.class.getPackage().getImplementationVersion()).orElse("(development build)");
      return new String[] {"docker-pkg " + v};
    }
  }
}
