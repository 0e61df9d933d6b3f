package org.containerops.mirror.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.containerops.mirror.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CondaOciCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = CondaOciCli.commandLine(Map.of("HOME", "/nonexistent"));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void badOptionsExitTwoNamingTheField() {
    assertEquals(2, run("mirror", "--workers", "0"));
    assertTrue(err.toString().contains("workers: want 1..64, got 0"), err.toString());
    assertEquals(2, run("mirror", "--channel", "Not A Channel"));
    assertEquals(2, run("show", "zlib:1.0-0"), "show needs exactly one subdir");
    assertEquals(2, run("pull-cache", "-s", "noarch", "--max-manifest-bytes", "10", "--registry", "127.0.0.1:9/x"));
    assertTrue(err.toString().contains("max-manifest-bytes: want >= 1024, got 10"), err.toString());
    assertEquals(2, run("mirror", "-s", "noarch", "--max-repodata-bytes", "-1", "--registry", "127.0.0.1:9/x"));
    assertTrue(err.toString().contains("max-repodata-bytes: want >= 1024, got -1"), err.toString());
  }

  @Test
  void versionComesFromTheCli() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("conda-oci "), out.toString());
  }

  @Test
  void pushWithoutCredentialsToARemoteRegistryBecomesADryRunWithAWarning(@TempDir Path cache) {
    int code = run("mirror", "-c", "fixture", "--channel-url", Fixtures.channel().toString(), "-s", "noarch",
        "--registry", "registry.invalid/mirrors", "--cache-dir", cache.toString(), "--retries", "0", "--timeout", "2000");
    assertEquals(0, code, err.toString());
    assertTrue(err.toString().contains("no credentials for registry.invalid"), err.toString());
    assertTrue(err.toString().contains("switching to dry-run"), err.toString());
    assertTrue(out.toString().startsWith("dry-run: 2 pushed"), out.toString());
    assertTrue(err.toString().contains("would push fixture/noarch/run_exports_versions:1.0-he35c369_0"), err.toString());
    assertEquals(0, cache.resolve("fixture/noarch").toFile().list((d, n) -> n.endsWith(".tar.bz2")).length,
        "dry-run downloads nothing");
  }
}
