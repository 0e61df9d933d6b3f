package org.containerops.feedstock.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.containerops.feedstock.api.CheckSolvableSpec;
import org.containerops.feedstock.api.FeedstockOps;
import org.containerops.feedstock.api.SolvableResult;
import org.containerops.runtime.protocol.ProtocolJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedstock-ops check-solvable DIR}: prints {@code {"solvable", "errors", "solvable_by_variant"}}. */
@Command(name = "check-solvable", mixinStandardHelpOptions = true,
    description = "Check that every variant of a feedstock's recipe can be solved, in a container")
final class CheckSolvableCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HostOptions host;

  @Parameters(paramLabel = "FEEDSTOCK_DIR") Path feedstock;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "Solver timeout (default: ${DEFAULT-VALUE})")
  long timeout;

  @Option(names = "--additional-channels", split = ",", paramLabel = "CHANNEL", description = "Channels searched first")
  List<String> channels = new ArrayList<>();

  @Option(names = "--build-platform", paramLabel = "KEY=VALUE", split = ",",
      description = "conda-forge.yml build_platform entries, e.g. linux_aarch64=linux_64")
  Map<String, String> buildPlatform = new TreeMap<>();

  @Option(names = "--solver", defaultValue = "rattler", description = "Solver backend (default: ${DEFAULT-VALUE})")
  String solver;

  @Option(names = "--fail-fast", description = "Stop at the first failing variant")
  boolean failFast;

  @Override
  public Integer call() {
    CheckSolvableSpec s;
    try {
      s = CheckSolvableSpec.builder(feedstock).timeout(Duration.ofSeconds(timeout)).additionalChannels(channels)
          .buildPlatform(buildPlatform).solver(solver).failFast(failFast).build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (FeedstockOps ops = host.open(spec)) {
      SolvableResult r = ops.checkSolvable(s);
      Map<String, Object> out = new TreeMap<>();
      out.put("solvable", r.solvable());
      out.put("errors", r.errors());
      out.put("solvable_by_variant", r.solvableByVariant());
      spec.commandLine().getOut().print(ProtocolJson.dumps(out));
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }
}
