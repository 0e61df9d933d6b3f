package org.containerops.tagging.cli;

import org.containerops.tagging.api.TaggingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

/**
 * {@code image-tagging}: docker-stacks' tagging apps. Exit 0 done, 1 failed (one line on stderr,
 * {@code --stacktrace} for more), 2 bad command line.
 */
@Command(name = "image-tagging", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    description = {"Tags and build manifests computed inside container images (jupyter/docker-stacks' tagging/).",
        "Every version tag of one build (e.g. python-3.11.2, notebook-7.3.2, spark-3.5.4) points to the same image."},
    subcommands = {WriteTagsFileCommand.class, WriteManifestCommand.class, ApplyTagsCommand.class,
        MergeTagsCommand.class, CalculateImageRefCommand.class, HookCommand.class})
public final class ImageTaggingCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand");
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (tests use it too). */
  public static CommandLine commandLine() {
    return new CommandLine(new ImageTaggingCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean trace = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--stacktrace"))
          || parsed.hasMatchedOption("--stacktrace");
      if (!(e instanceof TaggingException) || trace) {
        throw e;
      }
      cmd.getErr().println("image-tagging: " + e.getMessage());
      return ExitCode.SOFTWARE;
    });
  }
}
