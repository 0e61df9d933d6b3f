package org.containerops.dockerpkg.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.api.RenderResult;
import org.containerops.dockerpkg.api.RenderSpec;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.select.Glob;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code docker-pkg render DIRECTORY --output OUT}: new in this port, needs no engine. Prints the files written. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Render the Dockerfiles of the images in DIRECTORY to OUT/<image-name>/Dockerfile")
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand DockerPkgCli parent;
  @Mixin GlobalOptions global;

  @Parameters(paramLabel = "DIRECTORY", description = "The directory to scan for images")
  Path directory;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Where to write the Dockerfiles")
  Path output;

  @Option(names = "--select", paramLabel = "GLOB", description = "A glob pattern for the images to render, must match name:tag")
  String select;

  @Override
  public Integer call() {
    Path config = GlobalOptions.configFile(global, parent.global);
    DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(config), new StderrListener(spec.commandLine().getErr()));
    RenderResult result = pkg.render(new RenderSpec(directory, output, Optional.ofNullable(select).map(Glob::new)));
    result.files().values().forEach(f -> spec.commandLine().getOut().println(f));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
