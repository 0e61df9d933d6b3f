package org.containerops.feedstock.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.containerops.feedstock.api.FeedstockOpsException.Reason;
import org.containerops.feedstock.inside.InsideCheckSolvable;
import org.containerops.feedstock.inside.InsideLint;
import org.containerops.feedstock.inside.InsideRerender;
import org.containerops.feedstock.inside.ToolNotFoundException;

/**
 * Operations run in this process (upstream's {@code _x_local}) when the settings say we already are
 * in a container: the same code the container side runs, on the staged copy or the feedstock.
 */
final class LocalOps {
  /** One local operation; returns upstream's {@code data}. */
  @FunctionalInterface
  interface Call {
    Object run() throws Exception;
  }

  private final Supplier<Map<String, String>> env;

  LocalOps(Supplier<Map<String, String>> env) {
    this.env = env;
  }

  Object call(String op, String feedstock, Call call) {
    try {
      return call.run();
    } catch (ToolNotFoundException e) {
      throw new FeedstockOpsException(Reason.TOOL_MISSING, op, feedstock, e.getMessage(), null, "", e);
    } catch (Exception e) {
      throw new FeedstockOpsException(Reason.OPERATION_FAILED, op, feedstock, e.getMessage(), null, "", e);
    }
  }

  Object rerender(Path opsDir, Duration timeout, Path exclusiveConfigFile) throws Exception {
    return new InsideRerender(env.get(), System.err).run(opsDir, timeout,
        exclusiveConfigFile == null ? null : exclusiveConfigFile.getFileName().toString());
  }

  Object lint(Path feedstock, String logLevel) throws Exception {
    return new InsideLint(env.get(), System.err).run(feedstock, logLevel);
  }

  Object checkSolvable(Path feedstock, String logLevel, org.containerops.feedstock.api.CheckSolvableSpec spec)
      throws Exception {
    return new InsideCheckSolvable(env.get(), System.err).run(feedstock, logLevel, (int) spec.timeout().toSeconds(),
        String.join(",", spec.additionalChannels()),
        spec.buildPlatform().isEmpty() ? null : ResultShapes.buildPlatformJson(spec),
        spec.solver(), spec.failFast());
  }
}
