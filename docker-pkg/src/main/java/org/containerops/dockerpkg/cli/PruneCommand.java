package org.containerops.dockerpkg.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.PruneResult;
import org.containerops.dockerpkg.api.PruneSpec;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.engine.RuntimeImageEngine;
import org.containerops.dockerpkg.select.Glob;
import org.containerops.runtime.ContainerRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code docker-pkg prune DIRECTORY} (upstream cli.py:97-110, 239-255): prints what it removes;
 * exit 1 when the engine refused a removal.
 */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Prune local outdated versions of images in DIRECTORY")
final class PruneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand DockerPkgCli parent;
  @Mixin GlobalOptions global;

  @Option(names = "--select", paramLabel = "GLOB", description = "A glob pattern for the images to prune, must match name:tag")
  String select;

  @Option(names = "--nightly", paramLabel = "NIGHTLY_IDENTIFIER",
      description = "Prune all but the nightly build indicated in the argument (a strftime format or a literal)")
  String nightly;

  @Parameters(paramLabel = "DIRECTORY", description = "The directory to scan for images") Path directory;

  @Override
  public Integer call() {
    String suffix = nightly == null ? "" : "-" + Strftime.format(nightly, LocalDateTime.now());
    DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(GlobalOptions.configFile(global, parent.global)),
        new ConsoleListener(spec.commandLine().getOut(), spec.commandLine().getErr()));
    PruneResult result;
    try (ContainerRuntime runtime = EngineConnection.open()) {
      result = pkg.prune(new PruneSpec(directory, Optional.ofNullable(select).map(Glob::new), suffix),
          new RuntimeImageEngine(runtime));
    }
    spec.commandLine().getOut().println("== Pruned " + result.removed().size() + " image tag(s) ==");
    spec.commandLine().getOut().flush();
    if (!result.ok()) {
      throw new DockerPkgException(Reason.ENGINE, null, result.errors().size() + " removal(s) refused: "
          + String.join("; ", result.errors()));
    }
    return ExitCode.OK;
  }
}
