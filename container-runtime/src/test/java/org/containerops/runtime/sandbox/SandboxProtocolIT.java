package org.containerops.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxResult;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.protocol.RemoteError;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reply protocol on a real engine: every way a run can end. */
@ExtendWith(EngineExtension.class)
class SandboxProtocolIT {

  private static SandboxSpec.Builder sandbox(List<String> command) {
    return SandboxSpec.builder(TestImages.SANDBOX).command(command);
  }

  private static ContainerRuntimeError fails(ContainerRuntime rt, SandboxSpec spec, Reason reason) {
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class, () -> rt.run(spec));
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(TestImages.SANDBOX, e.image().orElseThrow());
    rt.awaitRemovals();
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).isEmpty(), "container removed");
    return e;
  }

  @Test
  void successReturnsDataAndToleratesExtraKeys(ContainerRuntime rt) {
    SandboxResult r = rt.run(sandbox(Sh.reply(
        "{\"data\": {\"answer\": 42, \"names\": {\"__set__\": true, \"elements\": [\"a\", \"b\"]}}, \"timeout\": 900}"))
        .build());
    assertEquals(42, r.data().get("answer").asInt());
    assertEquals(Map.of("answer", 42, "names", Set.of("a", "b")), r.dataValue());
    assertEquals(900, r.reply().get("timeout").asInt());
    rt.awaitRemovals();
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).isEmpty(), "container removed");
  }

  @Test
  void nullErrorMeansSuccess(ContainerRuntime rt) {
    SandboxResult r = rt.run(sandbox(Sh.reply("{\"data\": [1, 2], \"error\": null}")).build());
    assertEquals(2, r.data().size());
  }

  @Test
  void reportedErrorRaisesWithTheParsedErrorAndTraceback(ContainerRuntime rt) {
    SandboxSpec spec = sandbox(Sh.c("echo 'rendering...' >&2; printf '%s\\n' "
        + "'{\"data\": null, \"error\": \"RuntimeError(\\u0027Failed to rerender.\\\\noutput: boom\\u0027)\","
        + " \"traceback\": \"Traceback (most recent call last):\\\\n  File x\"}'")).build();
    ContainerRuntimeError e = fails(rt, spec, Reason.REMOTE_ERROR);
    RemoteError remote = e.remoteError().orElseThrow();
    assertEquals("RuntimeError", remote.name());
    assertEquals("Failed to rerender.\noutput: boom", remote.message());
    assertEquals("Traceback (most recent call last):\n  File x", remote.traceback());
    assertEquals(0, e.exitCode().orElseThrow());
    assertTrue(e.getMessage().contains("RuntimeError: Failed to rerender."), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "message is one line: " + e.getMessage());
    assertTrue(e.stderrTail().contains("rendering..."), e.stderrTail());
  }

  @Test
  void nonZeroExitRaisesWithExitCodeAndStderrTail(ContainerRuntime rt) {
    ContainerRuntimeError e = fails(rt, sandbox(Sh.c("echo 'conda-smithy: no such recipe' >&2; exit 3")).build(),
        Reason.NONZERO_EXIT);
    assertEquals(3, e.exitCode().orElseThrow());
    assertEquals("conda-smithy: no such recipe\n", e.stderrTail());
    assertEquals(List.of("sh", "-c", "echo 'conda-smithy: no such recipe' >&2; exit 3"), e.command());
    assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
  }

  @Test
  void garbageStdoutRaisesBadOutput(ContainerRuntime rt) {
    fails(rt, sandbox(Sh.c("echo 'Solving environment: done'; echo '{\"data\": 1}'")).build(), Reason.BAD_OUTPUT);
    fails(rt, sandbox(Sh.c("true")).build(), Reason.BAD_OUTPUT);
    fails(rt, sandbox(Sh.reply("{\"result\": 1}")).build(), Reason.BAD_OUTPUT);
  }

  @Test
  void stdoutFloodOverTheBoundIsKilled(ContainerRuntime rt) {
    long start = System.nanoTime();
    ContainerRuntimeError e = fails(rt, sandbox(List.of("yes")).stdoutLimitBytes(1024 * 1024)
        .timeout(Duration.ofSeconds(60)).build(), Reason.OUTPUT_TOO_LARGE);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "killed long before the timeout");
    assertTrue(e.getMessage().contains("1048576 bytes"), e.getMessage());
  }

  @Test
  void timeoutKillsAndRemovesTheContainer(ContainerRuntime rt) {
    long start = System.nanoTime();
    ContainerRuntimeError e = fails(rt, sandbox(List.of("sleep", "60")).timeout(Duration.ofSeconds(2)).build(),
        Reason.TIMEOUT);
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    assertTrue(seconds < 20, "took " + seconds + " s");
    assertTrue(e.exitCode().isEmpty());
  }

  @Test
  void missingImageIsAClearErrorAndLeavesNothing(ContainerRuntime rt) {
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class,
        () -> rt.run(SandboxSpec.builder("containerops/no-such-image:1").command("true").build()));
    assertEquals(Reason.IMAGE_NOT_FOUND, e.reason());
    assertTrue(e.getMessage().contains("containerops/no-such-image:1"), e.getMessage());
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).isEmpty());
  }
}
