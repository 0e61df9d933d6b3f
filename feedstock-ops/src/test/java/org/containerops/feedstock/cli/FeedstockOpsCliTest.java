package org.containerops.feedstock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.containerops.feedstock.Fixtures;
import org.containerops.runtime.protocol.ProtocolJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeedstockOpsCliTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = FeedstockOpsCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void badCommandLinesExitTwo() {
    assertEquals(2, run().exit());
    assertEquals(2, run("lint").exit());
    assertEquals(2, run("check-solvable", "x", "--timeout", "soon").exit());
    assertEquals(2, run("parse-names", "--extra-mount", "nocolon", Fixtures.feedstock("llvmdev-feedstock").toString()).exit());
    Run r = run("container", "lint", "--log-level", "verbose");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--log-level"), r.err());
  }

  @Test
  void parseNamesLocallyPrintsJson() throws IOException {
    Run r = run("parse-names", "--no-use-container", Fixtures.feedstock("llvmdev-feedstock").toString());
    assertEquals(0, r.exit(), r.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) ProtocolJson.loads(r.out());
    assertEquals("llvmdev", m.get("feedstock_name"));
    assertEquals(6, ((java.util.List<?>) m.get("subdirs")).size());
  }

  /** Issue 18 §4: an empty result from a feedstock without variant files is not silent. */
  @Test
  void parseNamesWarnsWhenTheFeedstockHasNoVariantFiles() throws IOException {
    Run keepme = run("parse-names", "--no-use-container", Fixtures.feedstock("ngmix-blah").toString());
    assertEquals(0, keepme.exit(), keepme.err());
    assertTrue(keepme.err().startsWith("feedstock-ops: warning: ") && keepme.err().contains("ngmix-blah/.ci_support has "
        + "no variant files (*.yaml): package_names and subdirs are empty"), keepme.err());
    Path bare = Files.createDirectories(tmp.resolve("bare-feedstock/recipe"));
    Files.writeString(bare.resolve("meta.yaml"), "package:\n  name: bare\n  version: 1\n");
    Run none = run("parse-names", "--no-use-container", bare.getParent().toString());
    assertEquals(0, none.exit(), none.err());
    assertTrue(none.err().contains("bare-feedstock has no .ci_support directory"), none.err());
    assertTrue(none.out().contains("\"feedstock_name\": \"bare\""), none.out());
    Run llvm = run("parse-names", "--no-use-container", Fixtures.feedstock("llvmdev-feedstock").toString());
    assertEquals("", llvm.err(), "no warning when variant files exist");
  }

  /** Issue 18 §4: the help says what the default does. */
  @Test
  void parseNamesHelpSaysItRunsInAContainerByDefault() {
    Run r = run("parse-names", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Runs in the feedstock-ops image by default") && r.out().contains("--no-use-container"),
        r.out());
    assertFalse(r.out().contains("native; no conda needed"), r.out());
  }

  @Test
  void missingFeedstockIsOneLineAndExitOne() {
    Run r = run("parse-names", "--no-use-container", tmp.resolve("nope").toString());
    assertEquals(1, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("feedstock-ops: parse-package-and-feedstock-names of nope failed: "), r.err());
  }

  /** The container side answers with upstream's reply: data with sets encoded, arguments echoed, exit 0. */
  @Test
  void containerSideParseNamesRepliesWithUpstreamsShape() throws Exception {
    Path ops = Files.createDirectories(tmp.resolve("ops"));
    Files.createSymbolicLink(ops.resolve("llvmdev-feedstock"), Fixtures.feedstock("llvmdev-feedstock"));
    String reply = captureStdout(() -> run("container", "parse-package-and-feedstock-names", "--log-level", "debug",
        "--ops-dir", ops.toString()));
    assertTrue(reply.contains("\"__set__\": true"), reply);
    assertFalse(reply.contains("\"error\""), reply);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) ProtocolJson.loads(reply);
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) m.get("data");
    assertEquals("llvmdev", data.get("feedstock_name"));
    assertEquals(Set.of("llvmdev", "libllvm18", "llvm", "llvm-tools-18", "llvm-tools", "libllvm-c18", "lit"),
        data.get("package_names"));
  }

  @Test
  void containerSideReportsErrorsInTheReplyAndExitsZero() throws Exception {
    Path ops = Files.createDirectories(tmp.resolve("empty"));
    String reply = captureStdout(() -> {
      Run r = run("container", "rerender", "--timeout", "5", "--ops-dir", ops.toString());
      assertEquals(0, r.exit());
    });
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) ProtocolJson.loads(reply);
    assertEquals(5, ((Number) m.get("timeout")).intValue(), "arguments are echoed as upstream does");
    assertTrue(m.containsKey("exclusive_config_file"));
    assertEquals(null, m.get("data"));
    assertTrue(String.valueOf(m.get("error")).startsWith("ToolNotFoundException(")
        || String.valueOf(m.get("error")).contains("expected one feedstock"), String.valueOf(m.get("error")));
    assertTrue(m.get("traceback") instanceof String);
  }

  /** Upstream tests/test_json.py: a set survives dumps then loads. */
  @Test
  void jsonSetRoundTrip() throws IOException {
    Map<String, Object> data = Map.of("a", 1, "b", 2, "c", Set.of(1, 2, 3));
    Object back = ProtocolJson.loads(ProtocolJson.dumps(data));
    assertEquals(Map.of("a", 1, "b", 2, "c", Set.of(1, 2, 3)), back);
    Path f = Files.writeString(tmp.resolve("test.json"), ProtocolJson.dumps(data));
    assertEquals(back, ProtocolJson.loads(Files.readString(f)));
  }

  private static String captureStdout(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
