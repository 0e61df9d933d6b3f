package org.containerops.dockerpkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.api.PlanResult;
import org.containerops.dockerpkg.api.PlanSpec;
import org.containerops.dockerpkg.api.UpdateResult;
import org.containerops.dockerpkg.api.UpdateSpec;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.engine.RuntimeImageEngine;
import org.containerops.runtime.ContainerRuntime;
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
 * 258-266), or {@code docker-pkg update --changed DIRECTORY [--reason R]}: the images
 * {@code plan} says must be rebuilt, and their dependents (issue 16 §2). Prints {@code name old-version -> new-version changelog} per rewritten changelog.
 */
@Command(name = "update", description = "Helper for preparing an update of an image tree")
final class UpdateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand DockerPkgCli parent;
  @Mixin GlobalOptions global;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(arity = "1..2", paramLabel = "NAME DIRECTORY",
      description = "The name of the image being updated and the directory to scan for images "
          + "(with --changed only DIRECTORY)")
  List<String> positional;

  @Option(names = "--changed", description = "Update exactly the images whose inputs changed (see plan) and their dependents")
  boolean changed;

  @Option(names = "--reason", paramLabel = "REASON", defaultValue = UpdateSpec.DEFAULT_REASON,
      description = "Reason for the update (default: ${DEFAULT-VALUE})")
  String reason;

  @Option(names = {"-v", "--version"}, paramLabel = "VERSION", description = "Specify a version for the image to upgrade")
  String version;

  @Override
  public Integer call() {
    Path config = GlobalOptions.configFile(global, parent.global);
    if (changed) {
      if (positional.size() != 1 || version != null) {
        throw new ParameterException(spec.commandLine(), "with --changed give only DIRECTORY (no NAME, no --version)");
      }
      Path directory = Path.of(positional.get(0));
      DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(config), new StderrListener(spec.commandLine().getErr()));
      UpdateResult result;
      try (ContainerRuntime runtime = EngineConnection.open()) {
        PlanResult plan = pkg.plan(PlanSpec.all(directory), new RuntimeImageEngine(runtime));
        result = pkg.updateChanged(directory, reason, plan);
      }
      print(result);
      return ExitCode.OK;
    }
    if (positional.size() != 2) {
      throw new ParameterException(spec.commandLine(), "give NAME and DIRECTORY (or --changed DIRECTORY)");
    }
    UpdateSpec s;
    try {
      s = new UpdateSpec(Path.of(positional.get(1)), positional.get(0), reason, Optional.ofNullable(version));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(config), new StderrListener(spec.commandLine().getErr()));
    print(pkg.update(s));
    return ExitCode.OK;
  }

  private void print(UpdateResult result) {
    result.updates().forEach(u -> spec.commandLine().getOut().println(
        u.image() + " " + u.oldVersion() + " -> " + u.newVersion() + " " + u.changelog()));
    spec.commandLine().getOut().flush();
  }
}
