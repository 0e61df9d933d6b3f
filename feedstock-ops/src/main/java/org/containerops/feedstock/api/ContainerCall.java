package org.containerops.feedstock.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.containerops.feedstock.api.FeedstockOpsException.Reason;
import org.containerops.feedstock.sandbox.Operation;
import org.containerops.feedstock.sandbox.OperationSandbox;
import org.containerops.feedstock.settings.FeedstockOpsSettings;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.SandboxListener;
import org.containerops.runtime.api.SandboxResult;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.protocol.RemoteError;

/** Runs one operation in a container and turns runtime failures into {@link FeedstockOpsException}s. */
final class ContainerCall {
  /** The class name the container side uses for a missing tool. */
  static final String TOOL_NOT_FOUND = "ToolNotFoundException";

  private ContainerCall() {}

  static SandboxResult run(ContainerRuntime runtime, OperationSandbox sandbox, Operation op, String feedstock,
      String logLevel, List<String> args, Path mountDir, Duration timeout, FeedstockOpsSettings settings,
      Map<String, String> hostEnv, FeedstockOpsListener listener) {
    SandboxSpec spec;
    try {
      spec = sandbox.spec(op, logLevel, args, mountDir, timeout, settings, hostEnv);
    } catch (IllegalArgumentException e) {
      throw new FeedstockOpsException(Reason.BAD_INPUT, op.cliName(), feedstock, e.getMessage(), null, "", e);
    }
    listener.started(op.cliName(), feedstock, spec.image());
    SandboxListener lines = new SandboxListener() {
      @Override
      public void stderrLine(String containerId, String line) {
        listener.stderrLine(line);
      }
    };
    try {
      return runtime.run(spec, lines);
    } catch (ContainerRuntimeError e) {
      throw translate(e, op.cliName(), feedstock, timeout);
    }
  }

  /**
   * The image named, that nothing is pulled, how to build ours, and (for parse-names, which needs no
   * container) {@code --no-use-container}.
   */
  private static String imageMissing(ContainerRuntimeError e, String op) {
    String image = e.image().orElse("the image");
    String hint = "image " + image + " is not present on the engine (nothing is pulled): build it with "
        + "`docker build --network host -t " + image + " feedstock-ops/docker` (see feedstock-ops/README.md, Images)";
    return Operation.PARSE_NAMES.cliName().equals(op) ? hint + ", or pass --no-use-container to parse on the host" : hint;
  }

  static FeedstockOpsException translate(ContainerRuntimeError e, String op, String feedstock, Duration timeout) {
    RemoteError remote = e.remoteError().orElse(null);
    String image = e.image().map(i -> " in " + i).orElse("");
    return switch (e.reason()) {
      case TIMEOUT -> new FeedstockOpsException(Reason.TIMEOUT, op, feedstock,
          "no answer within " + timeout.toSeconds() + " s; the container was killed", remote, e.stderrTail(), e);
      case REMOTE_ERROR -> new FeedstockOpsException(
          remote != null && TOOL_NOT_FOUND.equals(remote.name()) ? Reason.TOOL_MISSING : Reason.OPERATION_FAILED,
          op, feedstock, (remote == null ? e.getMessage() : remote.summary()) + image, remote, e.stderrTail(), e);
      case IMAGE_NOT_FOUND -> new FeedstockOpsException(Reason.IMAGE_MISSING, op, feedstock, imageMissing(e, op),
          remote, e.stderrTail(), e);
      case NONZERO_EXIT, BAD_OUTPUT, OUTPUT_TOO_LARGE -> new FeedstockOpsException(Reason.CONTAINER_FAILED, op, feedstock,
          e.getMessage(), remote, e.stderrTail(), e);
      default -> new FeedstockOpsException(Reason.ENGINE, op, feedstock, e.getMessage(), remote, e.stderrTail(), e);
    };
  }
}
