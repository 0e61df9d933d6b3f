package org.containerops.feedstock.cli;

import java.io.PrintWriter;
import org.containerops.feedstock.api.FeedstockOps;
import org.containerops.feedstock.api.FeedstockOpsListener;
import org.containerops.feedstock.sandbox.OperationSandbox;
import org.containerops.runtime.api.Mount;
import picocli.CommandLine.Option;

/** Options every host command takes. */
final class HostOptions {
  @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
      description = "Forwarded to the container: debug, info, warning, error, critical (default: ${DEFAULT-VALUE})")
  String logLevel;

  @Option(names = "--use-container", negatable = true,
      description = "Run in a container (default: yes unless CF_FEEDSTOCK_OPS_IN_CONTAINER is true, which always wins)")
  Boolean useContainer;

  @Option(names = "--quiet", description = "Do not copy the container's stderr to stderr")
  boolean quiet;

  @Option(names = "--extra-mount", paramLabel = "HOST_PATH:CONTAINER_PATH",
      description = "Also mount a host path read-only into the container (upstream's extra_container_args); repeatable")
  java.util.List<String> extraMounts = new java.util.ArrayList<>();

  @Option(names = "--stacktrace", description = "On failure, print the container's error, traceback and stderr tail")
  boolean stacktrace;

  /**
   * A FeedstockOps configured from these options; the container's stderr goes to {@code err}.
   *
   * @throws IllegalArgumentException for a malformed {@code --extra-mount} or {@code --log-level}
   */
  FeedstockOps open(picocli.CommandLine.Model.CommandSpec spec) {
    try {
      return open(spec.commandLine().getErr());
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private FeedstockOps open(PrintWriter err) {
    FeedstockOpsListener listener = quiet ? FeedstockOpsListener.NONE : new FeedstockOpsListener() {
      @Override
      public void stderrLine(String line) {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      }
    };
    java.util.List<Mount> mounts = new java.util.ArrayList<>();
    for (String m : extraMounts) {
      int colon = m.lastIndexOf(':');
      if (colon <= 0 || colon == m.length() - 1) {
        throw new IllegalArgumentException("--extra-mount: want HOST_PATH:CONTAINER_PATH, got '" + m + "'");
      }
      mounts.add(new Mount(java.nio.file.Path.of(m.substring(0, colon)), m.substring(colon + 1), true));
    }
    OperationSandbox sandbox = new OperationSandbox(OperationSandbox.UPSTREAM_COMMAND, mounts, java.util.Map.of(),
        org.containerops.runtime.api.Limits.defaults());
    return FeedstockOps.builder().logLevel(logLevel).useContainer(useContainer).listener(listener).sandbox(sandbox)
        .build();
  }
}
