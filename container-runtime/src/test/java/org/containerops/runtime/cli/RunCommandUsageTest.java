package org.containerops.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Command-line mistakes exit 2 before any engine is contacted. */
class RunCommandUsageTest {

  private static int run(StringWriter err, String... args) {
    CommandLine cli = ContainerRuntimeCli.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @Test
  void missingImageIsAUsageError() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "run", "--", "true"));
    assertTrue(err.toString().contains("--image"), err.toString());
  }

  @Test
  void missingCommandIsAUsageError() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "run", "--image", "x"));
  }

  @Test
  void rootWithoutAskingIsAUsageError() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "run", "--image", "x", "--user", "0:0", "--", "true"));
    assertTrue(err.toString().contains("runAsRoot"), err.toString());
  }

  @Test
  void missingStdinFileIsAUsageError() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "run", "--image", "x", "--stdin", "/nonexistent/input", "--", "cat"));
    assertTrue(err.toString().contains("--stdin"), err.toString());
  }

  @Test
  void unsafeMountsAreUsageErrorsNamingWhatWasGivenAndWhereItLeads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path toEtc = java.nio.file.Files.createSymbolicLink(tmp.resolve("conf"), java.nio.file.Path.of("/etc"));
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "run", "--image", "x", "--mount", toEtc.toString(), "--", "true"));
    assertTrue(err.toString().contains(toEtc + " (resolves to /etc) is under the system directory /etc"), err.toString());
    assertTrue(err.toString().contains("--allow-system-mount"), err.toString());

    StringWriter sock = new StringWriter();
    assertEquals(2, run(sock, "run", "--image", "x", "--allow-system-mount", "--mount", "/var/run/docker.sock", "--",
        "true"));
    assertTrue(sock.toString().contains("engine socket"), sock.toString());

    java.nio.file.Path file = java.nio.file.Files.writeString(tmp.resolve("f.txt"), "x");
    StringWriter notDir = new StringWriter();
    assertEquals(2, run(notDir, "run", "--image", "x", "--mount", file + ":rw", "--mount-path", "/data", "--", "true"));
    assertTrue(notDir.toString().contains(file + " is a file; a directory is required"), notDir.toString());
  }

  @Test
  void versionIsPrinted() {
    CommandLine cli = ContainerRuntimeCli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--version"));
    assertTrue(out.toString().startsWith("container-runtime "), out.toString());
  }
}
