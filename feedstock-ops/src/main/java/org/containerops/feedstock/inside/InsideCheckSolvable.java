package org.containerops.feedstock.inside;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The container side of {@code check-solvable} ({@code conda_forge_feedstock_ops/__main__.py:344-371}):
 * runs the image's solver check on the mounted feedstock, forwarding every option, including
 * {@code solver} and {@code fail_fast}, which upstream drops.
 */
public final class InsideCheckSolvable {
  private final PythonBridge bridge;

  /** @param env the container environment; @param tee where tool output is copied (stderr) */
  public InsideCheckSolvable(Map<String, String> env, PrintStream tee) {
    this.bridge = new PythonBridge(env, tee);
  }

  /**
   * @return {@code {"solvable": bool, "errors": [..], "solvable_by_variant": {name: bool}}}
   */
  public Object run(Path feedstock, String logLevel, int timeoutSeconds, String additionalChannels,
      String buildPlatform, String solver, boolean failFast) throws IOException {
    // --name=value: a value is one argv element whatever it holds (a leading '-' included); no shell
    List<String> options = new ArrayList<>(List.of("--log-level=" + logLevel, "--timeout=" + timeoutSeconds));
    if (additionalChannels != null && !additionalChannels.isEmpty()) {
      options.add("--additional-channels=" + additionalChannels);
    }
    if (buildPlatform != null && !buildPlatform.isEmpty()) {
      options.add("--build-platform=" + buildPlatform);
    }
    options.add("--solver=" + solver);
    if (failFast) {
      options.add("--fail-fast");
    }
    // the solver stops itself at the timeout (and then reports solvable, as upstream); give it
    // a minute more before it is killed
    return bridge.run("check_solvable_bridge.py", "the solver (python with conda_forge_feedstock_ops)",
        List.of(feedstock.toString()), options, Duration.ofSeconds(timeoutSeconds + 60L));
  }
}
