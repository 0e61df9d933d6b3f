package org.containerops.feedstock.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.containerops.feedstock.api.FeedstockOps;
import org.containerops.feedstock.recipe.FeedstockNamesParser;
import org.containerops.feedstock.recipe.ParsedNames;
import org.containerops.runtime.protocol.ProtocolJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feedstock-ops parse-package-and-feedstock-names DIR}: prints name, packages and subdirs as JSON.
 * In a container by default (upstream's default); {@code --no-use-container} parses on the host.
 */
@Command(name = "parse-package-and-feedstock-names", aliases = "parse-names", mixinStandardHelpOptions = true,
    description = {"Print a feedstock's name, package names and subdirs as JSON.",
        "Runs in the feedstock-ops image by default, as upstream (inside, our Java parser: no conda); "
            + "--no-use-container parses on the host with the same parser and needs no engine or image.",
        "Warns on stderr when the feedstock has no .ci_support variant files (the sets are then empty)."})
final class ParseNamesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HostOptions host;

  @Parameters(paramLabel = "FEEDSTOCK_DIR") Path feedstock;

  @Override
  public Integer call() {
    for (String w : FeedstockNamesParser.warnings(feedstock)) {
      spec.commandLine().getErr().println("feedstock-ops: warning: " + w);
    }
    spec.commandLine().getErr().flush();
    try (FeedstockOps ops = host.open(spec)) {
      ParsedNames n = ops.parsePackageAndFeedstockNames(feedstock);
      Map<String, Object> out = new TreeMap<>();
      out.put("feedstock_name", n.feedstockName());
      out.put("package_names", n.packageNames().stream().toList());
      out.put("subdirs", n.subdirs().stream().toList());
      spec.commandLine().getOut().print(ProtocolJson.dumps(out));
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }
}
