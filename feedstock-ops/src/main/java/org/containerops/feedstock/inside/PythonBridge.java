package org.containerops.feedstock.inside;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.containerops.feedstock.staging.FeedstockCopy;
import org.containerops.runtime.protocol.ProtocolJson;

/**
 * Runs one of the bundled Python bridge scripts ({@code lint_bridge.py}, {@code check_solvable_bridge.py})
 * with the image's python, which must carry conda-smithy and the solver. The script writes its
 * result to a JSON file, so nothing it or its libraries print can reach our stdout.
 */
final class PythonBridge {
  /** Override for the python program (ours; tests point it at a double). */
  static final String PYTHON_VARIABLE = "CF_FEEDSTOCK_OPS_PYTHON";

  /** The exit code of a bridge script whose python lacks a module it imports. */
  static final int MISSING_MODULE_EXIT = 3;

  private final ToolRunner tools;

  PythonBridge(Map<String, String> env, PrintStream tee) {
    this.tools = new ToolRunner(env, tee);
  }

  /**
   * @param script the bundled script's file name
   * @param needs what the python must provide, for the missing-tool message
   * @param args positional arguments before the output file
   * @param options options after it
   * @return the decoded JSON the script wrote
   * @throws ToolNotFoundException when python is missing, or cannot import a module the script needs
   * @throws RuntimeException naming the script when it fails or writes nothing
   */
  Object run(String script, String needs, List<String> args, List<String> options, Duration timeout) throws IOException {
    String python = tools.resolve("python", PYTHON_VARIABLE, needs);
    Path dir = Files.createTempDirectory("feedstock-ops-bridge-");
    try {
      Path scriptFile = dir.resolve(script);
      try (InputStream in = PythonBridge.class.getResourceAsStream(script)) {
        if (in == null) {
          throw new IllegalStateException("bridge script " + script + " missing from the jar");
        }
        Files.copy(in, scriptFile);
      }
      Path out = dir.resolve("out.json");
      List<String> argv = new ArrayList<>(List.of(python, scriptFile.toString()));
      argv.addAll(args);
      argv.add(out.toString());
      argv.addAll(options);
      ToolRunner.ToolResult r = tools.run(argv, dir, timeout);
      if (r.timedOut()) {
        throw new RuntimeException(script + " did not finish within " + timeout.toSeconds() + " s and was killed");
      }
      String last = r.output().strip().lines().reduce((a, b) -> b).orElse("");
      if (r.exitCode() == MISSING_MODULE_EXIT) {
        throw ToolNotFoundException.missingModule(python, needs, PYTHON_VARIABLE, last);
      }
      if (r.exitCode() != 0 || !Files.isRegularFile(out)) {
        throw new RuntimeException(script + " failed with exit code " + r.exitCode() + ": " + last);
      }
      return ProtocolJson.loads(Files.readString(out));
    } finally {
      FeedstockCopy.deleteTree(dir);
    }
  }
}
