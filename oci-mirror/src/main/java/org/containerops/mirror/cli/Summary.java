package org.containerops.mirror.cli;

import java.util.Map;
import java.util.TreeMap;
import org.containerops.mirror.api.MirrorResult;
import picocli.CommandLine;

/** The final summary of mirror and push-cache: stdout gets the counts, stderr the failures. */
final class Summary {
  private Summary() {}

  static int print(CommandLine cmd, MirrorResult r) {
    cmd.getOut().println(r.summary());
    cmd.getOut().flush();
    for (Map.Entry<String, String> e : new TreeMap<>(r.invalid()).entrySet()) {
      cmd.getOut().println("  invalid tag, skipped: " + e.getKey());
    }
    if (r.ok()) {
      return CommandLine.ExitCode.OK;
    }
    new TreeMap<>(r.failed()).forEach((k, v) -> cmd.getErr().println("  failed: " + k));
    cmd.getErr().println("conda-oci: " + r.failed().size() + " failed; see the errors above");
    return CommandLine.ExitCode.SOFTWARE;
  }
}
