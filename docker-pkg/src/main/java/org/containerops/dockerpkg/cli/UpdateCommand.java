package org.containerops.dockerpkg.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.api.UpdateResult;
import org.containerops.dockerpkg.api.UpdateSpec;
import org.containerops.dockerpkg.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code docker-pkg update NAME DIRECTORY [--reason R] [--version V]} (upstream cli.py:112-121,
 * 258-266). Prints {@code name old-version -> new-version changelog} per rewritten changelog.
 */
@Command(name = "update", description = "Helper for preparing an update of an image tree")
final class UpdateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand DockerPkgCli parent;
  @Mixin GlobalOptions global;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "NAME", description = "The name of the image being updated")
  String name;

  @Parameters(index = "1", paramLabel = "DIRECTORY", description = "The directory to scan for images")
  Path directory;

  @Option(names = "--reason", paramLabel = "REASON", defaultValue = UpdateSpec.DEFAULT_REASON,
      description = "Reason for the update (default: ${DEFAULT-VALUE})")
  String reason;

  @Option(names = {"-v", "--version"}, paramLabel = "VERSION", description = "Specify a version for the image to upgrade")
  String version;

  @Override
  public Integer call() {
    UpdateSpec s;
    try {
      s = new UpdateSpec(directory, name, reason, Optional.ofNullable(version));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Path config = GlobalOptions.configFile(global, parent.global);
    DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(config), new StderrListener(spec.commandLine().getErr()));
    UpdateResult result = pkg.update(s);
    result.updates().forEach(u -> spec.commandLine().getOut().println(
        u.image() + " " + u.oldVersion() + " -> " + u.newVersion() + " " + u.changelog()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
