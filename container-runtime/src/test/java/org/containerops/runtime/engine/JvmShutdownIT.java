package org.containerops.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A JVM that is terminated mid-run removes its containers from its shutdown hook. */
@ExtendWith(EngineExtension.class)
class JvmShutdownIT {

  @Test
  void sigtermedJvmLeavesNoContainer(ContainerRuntime rt) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ShutdownProbeMain.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String session = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      assertTrue(session != null && session.length() == 36, "session id: " + session);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (ContainerTracker.listOurs(rt.client(), session).stream().noneMatch(c -> "running".equals(c.getState()))) {
        assertTrue(System.nanoTime() < deadline, "the child's container never ran");
        Thread.sleep(50);
      }
      child.destroy(); // SIGTERM: shutdown hooks run
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child exited");
      assertEquals(0, ContainerTracker.listOurs(rt.client(), session).size(), "the hook removed the container");
    } finally {
      child.destroyForcibly();
    }
  }
}
