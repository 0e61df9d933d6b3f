package org.containerops.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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

/**
 * Floods on stdout and stderr end promptly with {@code OUTPUT_TOO_LARGE} and leave no container, run after
 * run (issue 17 §2: a kill sent from the stream thread used to hang the run for good in 2 of 5 floods).
 */
@ExtendWith(EngineExtension.class)
class OutputFloodIT {
  private static final int FLOODS = 20;
  private static final Duration EACH_WITHIN = Duration.ofSeconds(8);
  /** 4000-byte lines, so a stderr flood logs few lines. */
  private static final String LINE = "yes $(head -c 4000 /dev/zero | tr '\\0' x)";

  @Test
  void twentyFloodsInARowEachEndWithinSecondsAndLeaveNoContainer(ContainerRuntime rt) {
    rt.awaitRemovals();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < FLOODS; i++) {
      boolean stderr = i % 2 == 1;
      SandboxSpec spec = SandboxSpec.builder(TestImages.SANDBOX)
          .command(Sh.c(stderr ? LINE + " >&2" : LINE))
          .stdoutLimitBytes(1024 * 1024).stderrLimitBytes(256 * 1024).timeout(Duration.ofSeconds(120)).build();
      long start = System.nanoTime();
      ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class, () -> rt.run(spec));
      long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
      millis.add(took);
      assertEquals(Reason.OUTPUT_TOO_LARGE, e.reason(), "flood " + i + ": " + e.getMessage());
      assertTrue(e.getMessage().contains((stderr ? "stderr passed 262144" : "stdout passed 1048576") + " bytes"),
          e.getMessage());
      assertTrue(took < EACH_WITHIN.toMillis(), "flood " + i + " took " + took + " ms");
      assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).isEmpty(),
          "flood " + i + " left a container: " + ContainerTracker.listOurs(rt.client(), rt.sessionId()));
    }
    System.out.println("OutputFloodIT: " + FLOODS + " floods, ms each: " + millis);
  }

  @Test
  void aFloodOnBothStreamsAtOnceEndsToo(ContainerRuntime rt) {
    SandboxSpec spec = SandboxSpec.builder(TestImages.SANDBOX)
        .command(Sh.c(LINE + " >&2 & " + LINE))
        .stdoutLimitBytes(512 * 1024).stderrLimitBytes(512 * 1024).timeout(Duration.ofSeconds(120)).build();
    long start = System.nanoTime();
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class, () -> rt.run(spec));
    assertEquals(Reason.OUTPUT_TOO_LARGE, e.reason(), e.getMessage());
    assertTrue(System.nanoTime() - start < EACH_WITHIN.toNanos(), "took too long");
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).isEmpty());
  }
}
