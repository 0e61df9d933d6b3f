package org.containerops.feedstock.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.containerops.feedstock.api.FeedstockOps;
import org.containerops.feedstock.api.RerenderResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedstock-ops rerender DIR}: prints the commit message, or nothing when nothing changed. */
@Command(name = "rerender", mixinStandardHelpOptions = true,
    description = "Rerender a feedstock (a git work tree) with conda-smithy in a container; apply and stage the result")
final class RerenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HostOptions host;

  @Parameters(paramLabel = "FEEDSTOCK_DIR") Path feedstock;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "conda-smithy's timeout (default: none)")
  Long timeout;

  @Option(names = "--exclusive-config-file", paramLabel = "FILE",
      description = "A pinnings file to use instead of the latest conda-forge-pinning")
  Path exclusiveConfigFile;

  @Override
  public Integer call() {
    try (FeedstockOps ops = host.open(spec)) {
      RerenderResult r = ops.rerender(feedstock, timeout == null ? null : Duration.ofSeconds(timeout), exclusiveConfigFile);
      if (r.commitMessage().isPresent()) {
        spec.commandLine().getOut().println(r.commitMessage().get());
        spec.commandLine().getOut().flush();
      } else {
        spec.commandLine().getErr().println("feedstock-ops: nothing changed");
      }
    }
    return ExitCode.OK;
  }
}
