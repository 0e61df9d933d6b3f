package org.containerops.it;

import java.time.Duration;
import java.util.List;

/**
 * One finished CLI process: its exit code and everything it printed (UTF-8), and its wall time.
 *
 * @param args the arguments after {@code java -jar <jar>}
 */
record CliResult(CliTool tool, List<String> args, int exitCode, String stdout, String stderr, Duration took) {

  /** Returns this when the exit code is {@code expected}, else fails with both outputs. */
  CliResult assertExit(int expected) {
    if (exitCode != expected) {
      throw new AssertionError("expected exit " + expected + " from " + describe());
    }
    return this;
  }

  /** Shorthand for {@code assertExit(0)}. */
  CliResult assertOk() {
    return assertExit(0);
  }

  /** The non-blank lines of stderr, in order. */
  List<String> stderrLines() {
    return stderr.lines().filter(l -> !l.isBlank()).toList();
  }

  /** Tool, arguments, exit code, and the last 4000 characters of stdout and stderr. */
  String describe() {
    return tool.module() + " " + String.join(" ", args) + " (exit " + exitCode + ", " + took.toMillis() + " ms)"
        + "\n--- stdout\n" + tail(stdout) + "\n--- stderr\n" + tail(stderr);
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
  }
}
