package org.containerops.dockerpkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Command-line shape of build and prune (upstream cli.py:71-110, tests/test_cli.py). */
class BuildCommandUsageTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = DockerPkgCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  @Test
  void buildHelpListsUpstreamsOptions() {
    String[] r = run("build", "--help");
    assertEquals("0", r[0]);
    for (String o : new String[] {"--nightly", "--snapshot", "--use-cache", "--no-pull", "--select=GLOB", "DIRECTORY",
        "Build images (and publish them to the registry)"}) {
      assertTrue(r[1].contains(o), o + " in\n" + r[1]);
    }
    assertTrue(run("prune", "--help")[1].contains("--nightly=NIGHTLY_IDENTIFIER"));
  }

  @Test
  void nightlyAndSnapshotAreMutuallyExclusiveAndDirectoryIsRequired() {
    String[] r = run("build", "--nightly", "--snapshot", "images");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("mutually exclusive"), r[2]);
    assertEquals("2", run("build")[0]);
    assertEquals("2", run("prune")[0]);
  }

  @Test
  void aMissingConfigFailsBeforeTheEngineIsContacted() {
    String[] r = run("build", "-c", dir.resolve("nope.yaml").toString(), dir.toString());
    assertEquals("1", r[0]);
    assertEquals("docker-pkg: Config file " + dir.resolve("nope.yaml") + " does not exist\n", r[2]);
  }
}
