package org.containerops.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EngineExtension.class)
class ContainerSessionIT {
  private static final Duration T = Duration.ofSeconds(30);

  @Test
  void execsSeveralCommandsInOneContainerAndRemovesItOnClose(ContainerRuntime rt) {
    String id;
    try (ContainerSession s = rt.startSession(SandboxSpec.builder(TestImages.SANDBOX).build())) {
      id = s.containerId();
      String sessionContainer = id;
      ExecResult who = s.exec(List.of("id", "-un"), T);
      assertEquals(0, who.exitCode());
      assertEquals("sandbox\n", who.stdoutText());

      ExecResult both = s.exec(List.of("sh", "-c", "echo out; sleep 0.3; echo err >&2; sleep 0.3; echo out2; exit 4"), T);
      assertEquals(4, both.exitCode());
      assertEquals("out\nout2\n", both.stdoutText());
      assertEquals("err\n", both.stderrText());
      assertEquals("out\nerr\nout2\n", both.outputText());

      // the second exec sees the first one's files: it is the same container
      s.exec(List.of("sh", "-c", "echo kept > /tmp/state"), T);
      assertEquals("kept\n", s.exec(List.of("cat", "/tmp/state"), T).stdoutText());
      assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).stream().anyMatch(c -> c.getId().equals(sessionContainer)));
    }
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).stream().noneMatch(c -> c.getId().equals(id)),
        "removed on close: " + id);
  }

  @Test
  void aMissingProgramIsAnEngineErrorOrNonZeroExit(ContainerRuntime rt) {
    try (ContainerSession s = rt.startSession(SandboxSpec.builder(TestImages.SANDBOX).build())) {
      try {
        ExecResult r = s.exec(List.of("no-such-program"), T);
        assertTrue(r.exitCode() != 0, "exit " + r.exitCode());
      } catch (ContainerRuntimeError e) {
        assertEquals(Reason.ENGINE_ERROR, e.reason());
      }
    }
  }

  @Test
  void execTimesOut(ContainerRuntime rt) {
    try (ContainerSession s = rt.startSession(SandboxSpec.builder(TestImages.SANDBOX).build())) {
      ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class,
          () -> s.exec(List.of("sleep", "30"), Duration.ofSeconds(1)));
      assertEquals(Reason.TIMEOUT, e.reason());
    }
    rt.awaitRemovals();
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).isEmpty());
  }

  @Test
  void anExecFloodEndsWithTheBoundErrorAndTheSessionStaysUsable(ContainerRuntime rt) {
    SandboxSpec spec = SandboxSpec.builder(TestImages.SANDBOX).stdoutLimitBytes(1024 * 1024)
        .stderrLimitBytes(256 * 1024).build();
    try (ContainerSession s = rt.startSession(spec)) {
      for (String script : List.of("yes", "yes >&2")) {
        long start = System.nanoTime();
        ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class,
            () -> s.exec(List.of("sh", "-c", script), Duration.ofSeconds(60)));
        assertEquals(Reason.OUTPUT_TOO_LARGE, e.reason(), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "ended promptly: " + script);
      }
      assertEquals("ok\n", s.exec(List.of("echo", "ok"), T).stdoutText());
    }
    rt.awaitRemovals();
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).isEmpty());
  }

  @Test
  void aRootImageNeedsAnExplicitUser(ContainerRuntime rt) {
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class,
        () -> rt.startSession(SandboxSpec.builder(TestImages.BASE).build()));
    assertEquals(Reason.ROOT_NOT_ALLOWED, e.reason());
    try (ContainerSession s = rt.startSession(SandboxSpec.builder(TestImages.BASE).user("4242").build())) {
      assertEquals("4242\n", s.exec(List.of("id", "-u"), T).stdoutText());
    }
  }
}
