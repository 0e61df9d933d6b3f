package org.containerops.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code container-runtime run} in a child JVM stopped by a signal: Ctrl-C (SIGINT) exits 130, SIGTERM
 * exits 143, also in the middle of a stdout or stderr flood, and no container is left (issue 17 §2,
 * issue 18 §2).
 */
@ExtendWith(EngineExtension.class)
class CliSignalIT {
  private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);

  @Test
  void ctrlCMidRunExits130AndRemovesTheContainer(ContainerRuntime rt, @TempDir Path dir) throws Exception {
    Result r = runAndSignal(rt, dir, "INT", "sleep 300");
    assertEquals(130, r.exit, r.stderr);
    assertTrue(r.stderr.contains("stopped by a signal"), r.stderr);
    assertFalse(r.stderr.contains("stdout is empty"), r.stderr);
  }

  @Test
  void sigtermMidStdoutFloodExitsAndLeavesNoContainer(ContainerRuntime rt, @TempDir Path dir) throws Exception {
    Result r = runAndSignal(rt, dir, "TERM", "yes");
    assertEquals(143, r.exit, r.stderr);
  }

  @Test
  void sigtermMidStderrFloodExitsAndLeavesNoContainer(ContainerRuntime rt, @TempDir Path dir) throws Exception {
    Result r = runAndSignal(rt, dir, "TERM", "yes >&2");
    assertEquals(143, r.exit, "exit code; stderr ends with: " + r.stderr);
  }

  @Test
  void ctrlCMidStderrFloodExits130(ContainerRuntime rt, @TempDir Path dir) throws Exception {
    Result r = runAndSignal(rt, dir, "INT", "yes >&2");
    assertEquals(130, r.exit, "exit code; stderr ends with: " + r.stderr);
  }

  private record Result(int exit, String stderr) {}

  /**
   * Starts the CLI running {@code script}, sends {@code signal} one second after its container runs, and
   * checks that the process ends within {@link #EXIT_WITHIN} and its container is gone.
   */
  private static Result runAndSignal(ContainerRuntime rt, Path dir, String signal, String script) throws Exception {
    String marker = "marker-" + UUID.randomUUID();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // perl restores default SIGINT/SIGTERM handling in case this JVM was started with them ignored
    Path err = dir.resolve("stderr.txt");
    Process child = new ProcessBuilder("perl", "-e", "$SIG{INT}='DEFAULT'; $SIG{TERM}='DEFAULT'; exec @ARGV or die",
        java, "-cp", System.getProperty("java.class.path"), ContainerRuntimeCli.class.getName(),
        "run", "--image", TestImages.SANDBOX, "--", "sh", "-c", script, marker)
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (ours(rt, marker).stream().noneMatch(c -> "running".equals(c.getState()))) {
        assertTrue(child.isAlive(), "the CLI ended early: " + tail(err));
        assertTrue(System.nanoTime() < deadline, "the CLI's container never ran");
        Thread.sleep(50);
      }
      Thread.sleep(1000);
      assertTrue(child.isAlive(), "the CLI ended before the signal: " + tail(err));
      new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start().waitFor();
      long start = System.nanoTime();
      assertTrue(child.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS), "the CLI did not exit after SIG" + signal);
      System.out.printf("CliSignalIT: SIG%s during '%s': exit %d after %d ms%n", signal, script, child.exitValue(),
          (System.nanoTime() - start) / 1_000_000);
      assertEquals(List.of(), ours(rt, marker).stream().map(c -> c.getId() + " " + c.getState()).toList(),
          "the CLI's container is gone");
      return new Result(child.exitValue(), tail(err));
    } finally {
      child.destroyForcibly();
      ContainerTracker.listOurs(rt.client(), null).stream().filter(c -> c.getCommand().contains(marker))
          .forEach(c -> rt.client().removeContainerCmd(c.getId()).withForce(true).exec());
    }
  }

  private static List<com.github.dockerjava.api.model.Container> ours(ContainerRuntime rt, String marker) {
    return ContainerTracker.listOurs(rt.client(), null).stream().filter(c -> c.getCommand().contains(marker)).toList();
  }

  private static String tail(Path file) throws java.io.IOException {
    byte[] b = Files.readAllBytes(file);
    int from = Math.max(0, b.length - 2000);
    return new String(b, from, b.length - from, java.nio.charset.StandardCharsets.UTF_8);
  }
}
