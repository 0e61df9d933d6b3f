package org.containerops.feedstock.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.containerops.feedstock.api.FeedstockOps;
import org.containerops.feedstock.api.LintResult;
import org.containerops.runtime.protocol.ProtocolJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedstock-ops lint DIR}: prints {@code {"lints", "hints", "errors"}} as JSON. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Lint a feedstock's recipes with conda-smithy in a container")
final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HostOptions host;

  @Parameters(paramLabel = "FEEDSTOCK_DIR") Path feedstock;

  @Override
  public Integer call() {
    try (FeedstockOps ops = host.open(spec)) {
      LintResult r = ops.lint(feedstock);
      Map<String, Object> out = new TreeMap<>();
      out.put("lints", r.lints());
      out.put("hints", r.hints());
      out.put("errors", r.errors());
      spec.commandLine().getOut().print(ProtocolJson.dumps(out));
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }
}
