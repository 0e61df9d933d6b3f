package org.containerops.recipe.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.runtime.api.ContainerRuntimeError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code recipe-builder}: the command line. Exit codes: 0 done; 1 failed (a recipe failed, or one line
 * {@code recipe-builder: …} on stderr; the trace with {@code --stacktrace}); 2 bad command line.
 */
@Command(name = "recipe-builder", mixinStandardHelpOptions = true, versionProvider = RecipeBuilderCli.ManifestVersion.class,
    description = "Build conda recipes in a build container into a local channel (bioconda-utils RecipeBuilder).",
    subcommands = {BuildCommand.class, PurgeCommand.class, CommandLine.HelpCommand.class})
public final class RecipeBuilderCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Runs the CLI and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** @return a fresh command line with recipe-builder's exit-code handling; tests call this too */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RecipeBuilderCli());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean expected = e instanceof RecipeBuilderException || e instanceof ContainerRuntimeError;
      if (!expected || matched(parsed, "--stacktrace")) {
        throw e; // a bug, or asked for: picocli prints the trace, exit 1
      }
      List<String> lines = e.getMessage().lines().toList();
      cmd.getErr().println("recipe-builder: " + (lines.isEmpty() ? e.getClass().getSimpleName() : lines.get(0)));
      lines.stream().skip(1).forEach(l -> cmd.getErr().println("  | " + l)); // e.g. an image build's log tail
      cmd.getErr().flush();
      return ExitCode.SOFTWARE;
    });
    return cl;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: build or purge");
  }

  static boolean matched(ParseResult parsed, String option) {
    return parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption(option));
  }

  /** The version from the jar manifest ({@code Implementation-Version}). */
  static final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Optional.ofNullable(RecipeBuilderCli.class.getPackage().getImplementationVersion())
          .orElse("(development build)");
      return new String[] {"recipe-builder " + v};
    }
  }
}
