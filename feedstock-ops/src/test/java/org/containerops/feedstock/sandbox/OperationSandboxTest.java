package org.containerops.feedstock.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.containerops.feedstock.settings.FeedstockOpsSettings;
import org.containerops.runtime.api.Mount;
import org.containerops.runtime.api.SandboxSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationSandboxTest {
  @TempDir Path dir;

  private static FeedstockOpsSettings settings(Map<String, String> env) {
    return FeedstockOpsSettings.fromEnv(env, "Linux", "0.16.0");
  }

  @Test
  void argvImageEnvAndMountFollowUpstream() {
    SandboxSpec s = OperationSandbox.defaults().spec(Operation.RERENDER, "debug", List.of("--timeout", "900"), dir,
        Duration.ofMinutes(17), settings(Map.of()), Map.of());
    assertEquals("condaforge/conda-forge-feedstock-ops:0.16.0", s.image());
    assertEquals(List.of("conda-forge-feedstock-ops-container", "rerender", "--log-level", "debug", "--timeout", "900"),
        s.command());
    assertEquals("true", s.env().get("CF_FEEDSTOCK_OPS_IN_CONTAINER"));
    Mount m = s.mounts().get(0);
    assertEquals("/cf_feedstock_ops_dir", m.containerPath());
    assertFalse(m.readOnly(), "rerender mounts read-write");
    assertEquals(Duration.ofMinutes(17), s.timeout());
  }

  @Test
  void onlyRerenderAndCheckSolvableGetANetwork() {
    Map<Operation, String> want = Map.of(Operation.RERENDER, "bridge", Operation.CHECK_SOLVABLE, "bridge",
        Operation.PARSE_NAMES, "none", Operation.LINT, "none");
    want.forEach((op, net) -> {
      SandboxSpec s = OperationSandbox.defaults().spec(op, "info", List.of(), dir, Duration.ofMinutes(1),
          settings(Map.of()), Map.of());
      assertEquals(net, s.network(), op.cliName());
      assertEquals(op != Operation.RERENDER, s.mounts().get(0).readOnly(), op.cliName());
    });
    SandboxSpec custom = OperationSandbox.defaults().spec(Operation.RERENDER, "info", List.of(), dir, Duration.ofMinutes(1),
        settings(Map.of("CF_FEEDSTOCK_OPS_CONTAINER_NETWORK", "host")), Map.of());
    assertEquals("host", custom.network());
  }

  @Test
  void proxyModeAddsUpstreamsEnvAndCaBundleToNetworkedOperations() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.crt"), "cert");
    Map<String, String> env = Map.of("CF_FEEDSTOCK_OPS_CONTAINER_PROXY_MODE", "true",
        "CF_FEEDSTOCK_OPS_PROXY_IN_CONTAINER", "http://proxy:3128/");
    Map<String, String> host = Map.of("SSL_CERT_FILE", ca.toString(), "REQUESTS_CA_BUNDLE", ca.toString(),
        "no_proxy", "localhost");
    SandboxSpec s = OperationSandbox.defaults().spec(Operation.CHECK_SOLVABLE, "info", List.of(), dir,
        Duration.ofMinutes(1), settings(env), host);
    assertEquals("host", s.network());
    assertEquals("http://proxy:3128", s.env().get("http_proxy"));
    assertEquals("http://proxy:3128", s.env().get("https_proxy"));
    assertEquals("localhost", s.env().get("no_proxy"));
    assertEquals(OperationSandbox.CA_BUNDLE, s.env().get("SSL_CERT_FILE"));
    assertEquals(OperationSandbox.CA_BUNDLE, s.env().get("REQUESTS_CA_BUNDLE"));
    assertTrue(s.mounts().stream().anyMatch(m -> m.containerPath().equals(OperationSandbox.CA_BUNDLE) && m.readOnly()));
    SandboxSpec lint = OperationSandbox.defaults().spec(Operation.LINT, "info", List.of(), dir, Duration.ofMinutes(1),
        settings(env), host);
    assertEquals("none", lint.network());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OperationSandbox.defaults()
        .spec(Operation.RERENDER, "info", List.of(), dir, Duration.ofMinutes(1), settings(env), Map.of()));
    assertTrue(e.getMessage().contains("SSL_CERT_FILE"), e.getMessage());
  }

  @Test
  void proxyModeMountsTheSystemCaBundleUnderEtc() {
    String ca = "/etc/ssl/certs/ca-certificates.crt"; // where Debian keeps it; what users set SSL_CERT_FILE to
    assertTrue(Files.isRegularFile(Path.of(ca)), "this test needs Debian's ca-certificates");
    Map<String, String> env = Map.of("CF_FEEDSTOCK_OPS_CONTAINER_PROXY_MODE", "true",
        "CF_FEEDSTOCK_OPS_PROXY_IN_CONTAINER", "http://proxy:3128/");
    SandboxSpec s = OperationSandbox.defaults().spec(Operation.RERENDER, "info", List.of(), dir,
        Duration.ofMinutes(1), settings(env), Map.of("SSL_CERT_FILE", ca, "REQUESTS_CA_BUNDLE", ca));
    assertTrue(s.mounts().stream().anyMatch(m -> m.containerPath().equals(OperationSandbox.CA_BUNDLE) && m.readOnly()));
  }
}
