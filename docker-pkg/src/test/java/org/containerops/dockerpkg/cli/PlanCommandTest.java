package org.containerops.dockerpkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.containerops.dockerpkg.api.PlanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Command-line shape of {@code plan}, {@code build --changed} and {@code update --changed} (issue 16 §2). */
class PlanCommandTest {
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
  void helpShowsTheNewOptions() {
    String[] plan = run("plan", "--help");
    assertEquals("0", plan[0]);
    assertTrue(plan[1].contains("--json") && plan[1].contains("--select=GLOB") && plan[1].contains("DIRECTORY"), plan[1]);
    assertTrue(run("build", "--help")[1].contains("--changed"));
    assertTrue(run("update", "--help")[1].contains("--changed"));
  }

  @Test
  void updateWantsNameAndDirectoryOrChangedAndDirectory() throws IOException {
    Path config = Files.writeString(dir.resolve("config.yaml"), "{}\n");
    String[] r = run("update", "-c", config.toString(), "only-one");
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].contains("give NAME and DIRECTORY"), r[2]);
    r = run("update", "-c", config.toString(), "--changed", "name", "dir");
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].contains("with --changed give only DIRECTORY"), r[2]);
    assertEquals("2", run("update", "-c", config.toString(), "--changed", "-v", "1.0", "dir")[0]);
  }

  @Test
  void jsonHasOneObjectPerImageAndTheRebuildList() {
    PlanResult plan = new PlanResult(List.of(
        new PlanResult.Image("a", "r/ns/a:1", "sha256:1", false, List.of(), "registry"),
        new PlanResult.Image("b", "r/ns/b:1", "sha256:2", true, List.of("parent a changed", "Dockerfile \"x\""), "engine")));
    assertEquals("{\"images\":[{\"name\":\"a\",\"label\":\"r/ns/a:1\",\"hash\":\"sha256:1\",\"rebuild\":false,"
        + "\"reasons\":[],\"recorded_in\":\"registry\"},{\"name\":\"b\",\"label\":\"r/ns/b:1\",\"hash\":\"sha256:2\","
        + "\"rebuild\":true,\"reasons\":[\"parent a changed\",\"Dockerfile \\\"x\\\"\"],\"recorded_in\":\"engine\"}],"
        + "\"rebuild\":[\"b\"]}", PlanCommand.toJson(plan));
  }
}
