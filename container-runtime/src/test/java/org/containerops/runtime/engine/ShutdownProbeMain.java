package org.containerops.runtime.engine;

import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.testing.TestImages;

/**
 * Test-only program for {@link JvmShutdownIT}: prints its runtime's session id, then runs
 * {@code sleep 300} in a sandbox and waits; the test kills this JVM with SIGTERM meanwhile.
 */
public final class ShutdownProbeMain {
  private ShutdownProbeMain() {}

  public static void main(String[] args) {
    ContainerRuntime runtime = ContainerRuntime.connect(); // deliberately never closed: the hook must clean up
    System.out.println(runtime.sessionId());
    System.out.flush();
    runtime.run(SandboxSpec.builder(TestImages.SANDBOX).command("sleep", "300").build());
  }
}
