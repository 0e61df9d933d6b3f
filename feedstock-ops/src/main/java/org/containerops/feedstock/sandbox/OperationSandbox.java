package org.containerops.feedstock.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.containerops.feedstock.settings.FeedstockOpsSettings;
import org.containerops.runtime.api.Limits;
import org.containerops.runtime.api.Mount;
import org.containerops.runtime.api.SandboxSpec;

/**
 * Builds the {@link SandboxSpec} of one operation, following upstream's {@code docker run}
 * ({@code conda_forge_feedstock_ops/container_utils.py:50-162}): image {@code name:tag} from the
 * settings, {@code CF_FEEDSTOCK_OPS_IN_CONTAINER=true}, read-only root, tmpfs, limits, the operation
 * directory at {@code /cf_feedstock_ops_dir}, and the argv
 * {@code <container command> <op> --log-level <level> <op args>}. Differences: network {@code none}
 * for offline operations, the settings' network (default {@code bridge}, upstream's) for rerender and
 * check-solvable; proxy mode ({@code :85-106}) applies to those two only.
 *
 * @param containerCommand the container-side CLI, e.g. {@code [conda-forge-feedstock-ops-container]}
 * @param extraMounts more mounts (upstream's {@code extra_container_args}); e.g. a jar for tests
 * @param extraEnv more environment variables for the container
 * @param limits resource limits (upstream's defaults unless changed)
 */
public record OperationSandbox(List<String> containerCommand, List<Mount> extraMounts, Map<String, String> extraEnv,
    Limits limits) {
  /** The container path of the host's CA bundle in proxy mode. */
  public static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
  /** Upstream's container-side command. */
  public static final List<String> UPSTREAM_COMMAND = List.of("conda-forge-feedstock-ops-container");

  /** Copies. */
  public OperationSandbox {
    containerCommand = List.copyOf(containerCommand);
    if (containerCommand.isEmpty()) {
      throw new IllegalArgumentException("containerCommand: give at least the program");
    }
    extraMounts = List.copyOf(extraMounts);
    extraEnv = Map.copyOf(extraEnv);
    Objects.requireNonNull(limits, "limits");
  }

  /** Upstream's command and limits, nothing extra. */
  public static OperationSandbox defaults() {
    return new OperationSandbox(UPSTREAM_COMMAND, List.of(), Map.of(), Limits.defaults());
  }

  /**
   * @param op the operation
   * @param logLevel forwarded as {@code --log-level} (debug, info, warning, error, critical)
   * @param opArgs the operation's own options
   * @param mountDir the host directory to mount at {@code /cf_feedstock_ops_dir}
   * @param timeout host-side wall time; the container is killed after it
   * @param settings this call's settings
   * @param hostEnv the host environment (for proxy mode's {@code no_proxy} and CA bundle)
   * @throws IllegalArgumentException in proxy mode when the host's {@code SSL_CERT_FILE} is missing or
   *     differs from {@code REQUESTS_CA_BUNDLE} (upstream asserts, {@code container_utils.py:90})
   */
  public SandboxSpec spec(Operation op, String logLevel, List<String> opArgs, Path mountDir, Duration timeout,
      FeedstockOpsSettings settings, Map<String, String> hostEnv) {
    List<String> argv = new ArrayList<>(containerCommand);
    argv.add(op.cliName());
    argv.add("--log-level");
    argv.add(logLevel);
    argv.addAll(opArgs);
    SandboxSpec.Builder b = SandboxSpec.builder(settings.containerFullName())
        .command(argv)
        .env("CF_FEEDSTOCK_OPS_IN_CONTAINER", "true")
        .env(extraEnv)
        .mount(new Mount(mountDir, Mount.DEFAULT_CONTAINER_PATH, op.readOnlyMount()))
        .limits(limits)
        .timeout(timeout)
        .label("org.containerops.feedstock-ops.operation", op.cliName());
    extraMounts.forEach(b::mount);
    if (!op.needsNetwork()) {
      b.network("none");
    } else if (settings.containerProxyMode()) {
      proxy(b, settings.proxyInContainer(), hostEnv);
    } else {
      b.network(settings.containerNetwork());
    }
    return b.build();
  }

  private static void proxy(SandboxSpec.Builder b, String proxy, Map<String, String> hostEnv) {
    String cert = hostEnv.get("SSL_CERT_FILE");
    if (cert == null || !cert.equals(hostEnv.get("REQUESTS_CA_BUNDLE"))) {
      throw new IllegalArgumentException("proxy mode: set SSL_CERT_FILE and REQUESTS_CA_BUNDLE to the same CA bundle "
          + "(got SSL_CERT_FILE=" + cert + ", REQUESTS_CA_BUNDLE=" + hostEnv.get("REQUESTS_CA_BUNDLE") + ")");
    }
    if (!Files.isRegularFile(Path.of(cert))) {
      throw new IllegalArgumentException("proxy mode: SSL_CERT_FILE " + cert + " is not a file");
    }
    b.env("http_proxy", proxy).env("https_proxy", proxy)
        .env("no_proxy", hostEnv.getOrDefault("no_proxy", ""))
        .env("SSL_CERT_FILE", CA_BUNDLE).env("REQUESTS_CA_BUNDLE", CA_BUNDLE)
        .network("host")
        // the CA bundle the user named (usually under /etc/ssl): one file, read-only; the other mounts
        // of an operation are our own staging copies, never system directories
        .allowSystemMounts()
        .mount(new Mount(Path.of(cert), CA_BUNDLE, true));
  }
}
