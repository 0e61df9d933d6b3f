package org.containerops.dockerpkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.api.BuildResult;
import org.containerops.dockerpkg.api.BuildSpec;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.ImageReport;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.engine.RuntimeImageEngine;
import org.containerops.dockerpkg.select.Glob;
import org.containerops.runtime.ContainerRuntime;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code docker-pkg build DIRECTORY} (upstream cli.py:71-95, 210-236): prints the steps, one line
 * per image, then a report; exit 1 when any image failed or was skipped (upstream exited 0).
 */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build images (and publish them to the registry)")
final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand DockerPkgCli parent;
  @Mixin GlobalOptions global;

  static final class Nightly {
    @Option(names = "--nightly", description = "Prepare a nightly build (tags get -%%Y%%m%%d)") boolean nightly;
    @Option(names = "--snapshot", description = "Create a snapshot build (tags get -%%Y%%m%%d-%%H%%M%%S)") boolean snapshot;
  }

  @ArgGroup(exclusive = true) Nightly nightly;

  @Option(names = "--use-cache", description = "Do use Docker cache when building the images") boolean useCache;

  @Option(names = "--no-pull", description = "Do not attempt to pull a newer version of the images") boolean noPull;

  @Option(names = "--select", paramLabel = "GLOB", description = "A glob pattern for the images to build, must match name:tag")
  String select;

  @Option(names = "--changed", description = "Also rebuild existing images whose inputs changed (see plan)") boolean changed;

  @Parameters(paramLabel = "DIRECTORY", description = "The directory to scan for images") Path directory;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalDateTime now = LocalDateTime.now();
    String suffix = nightly == null ? "" : nightly.nightly ? "-" + Strftime.format("%Y%m%d", now)
        : "-" + Strftime.format("%Y%m%d-%H%M%S", now);
    BuildSpec s = new BuildSpec(directory, Optional.ofNullable(select).map(Glob::new), suffix, !noPull, !useCache, changed);
    DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(GlobalOptions.configFile(global, parent.global)),
        new ConsoleListener(out, spec.commandLine().getErr()));
    BuildResult result;
    try (ContainerRuntime runtime = EngineConnection.open()) {
      result = pkg.build(s, new RuntimeImageEngine(runtime));
    }
    out.println("== Build done! ==");
    report(out, result);
    out.flush();
    if (!result.ok()) {
      throw new DockerPkgException(Reason.ENGINE, null, result.failures().size() + " of " + result.images().size()
          + " images failed: " + String.join(", ", result.failures().stream().map(ImageReport::name).toList()));
    }
    return ExitCode.OK;
  }

  /** The final report: one line per image, {@code outcome  label  seconds  detail}. */
  static void report(PrintWriter out, BuildResult result) {
    out.println("== Report ==");
    if (result.images().isEmpty()) {
      out.println("(nothing selected)");
    }
    for (ImageReport r : result.images()) {
      out.printf("%-10s %-60s %7.1f s  %s%n", r.outcome(), r.label(), r.took().toMillis() / 1000.0, r.detail());
    }
  }
}
