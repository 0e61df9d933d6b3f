package org.containerops.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * {@code trustedImageAsBuilt()} shows the image as docker-stacks' DockerRunner does ({@code docker run -d IMAGE
 * tail -f /dev/null} + {@code docker exec}); the default stays locked down. Checked from inside real containers.
 */
@ExtendWith(EngineExtension.class)
class TrustedImageAsBuiltIT {
  private static final Duration T = Duration.ofSeconds(30);

  /** key=value lines describing what the container allows. */
  private static final String PROBE = String.join("\n",
      "echo root_opts=$(awk '$5 == \"/\" {split($6, o, \",\"); print o[1]}' /proc/self/mountinfo)",
      "echo tmp_mount=$(awk '$5 == \"/tmp\" {print $9}' /proc/self/mountinfo)",
      "if touch \"$HOME/probe\" 2>/dev/null; then echo home_writable=true; else echo home_writable=false; fi",
      "printf '#!/bin/sh\\necho ran\\n' > /tmp/helper.sh 2>/dev/null && chmod +x /tmp/helper.sh"
          + " && echo tmp_exec=$(/tmp/helper.sh 2>/dev/null || echo refused)",
      "echo nofile=$(awk '/^Max open files/ {print $4}' /proc/self/limits)",
      "echo nproc=$(awk '/^Max processes/ {print $3}' /proc/self/limits)",
      "echo cap_bnd=$(awk '/^CapBnd/ {print $2}' /proc/self/status)",
      "echo nnp=$(awk '/^NoNewPrivs/ {print $2}' /proc/self/status)",
      "echo xdg=${XDG_CACHE_HOME:-unset}",
      "echo user=$(id -un)",
      "echo ifaces=$(ls /sys/class/net | tr '\\n' ' ')");

  private static Map<String, String> probe(ContainerSession s) {
    ExecResult r = s.exec(List.of("sh", "-c", PROBE), T);
    assertEquals(0, r.exitCode(), r.outputText());
    Map<String, String> m = new TreeMap<>();
    r.stdoutText().lines().map(l -> l.split("=", 2)).forEach(kv -> m.put(kv[0], kv.length > 1 ? kv[1].strip() : ""));
    return m;
  }

  @Test
  void trustedImageAsBuiltHasAWritableRootItsOwnTmpAndEngineDefaults(ContainerRuntime rt) {
    String id;
    SandboxSpec spec = SandboxSpec.builder(TestImages.SANDBOX).command("tail", "-f", "/dev/null")
        .trustedImageAsBuilt().build();
    try (ContainerSession s = rt.startSession(spec)) {
      id = s.containerId();
      Map<String, String> p = probe(s);
      assertEquals("rw", p.get("root_opts"), p.toString());
      assertEquals("", p.get("tmp_mount"), "no tmpfs at /tmp: " + p);
      assertEquals("true", p.get("home_writable"), p.toString());
      assertEquals("ran", p.get("tmp_exec"), "a helper script in the image's /tmp runs: " + p);
      assertTrue(Long.parseLong(p.get("nofile")) > 1024, "engine-default nofile: " + p);
      assertNotEquals("2048", p.get("nproc"), p.toString());
      assertNotEquals("0000000000000000", p.get("cap_bnd"), "capabilities not dropped: " + p);
      assertEquals("0", p.get("nnp"), p.toString());
      assertEquals("unset", p.get("xdg"), "nothing added to the env: " + p);
      assertEquals("sandbox", p.get("user"), p.toString());
      assertEquals("lo", p.get("ifaces"), "still network none: " + p);
      // the image's filesystem is writable for its user where the image allows it
      assertEquals(0, s.exec(List.of("sh", "-c", "echo x > /home/sandbox/.cache-probe && cat /home/sandbox/.cache-probe"),
          T).exitCode());
    }
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).stream().noneMatch(c -> c.getId().equals(id)),
        "removed on close");
  }

  @Test
  void theDefaultSessionStaysLockedDown(ContainerRuntime rt) {
    try (ContainerSession s = rt.startSession(SandboxSpec.builder(TestImages.SANDBOX).build())) {
      Map<String, String> p = probe(s);
      assertEquals("ro", p.get("root_opts"), p.toString());
      assertEquals("tmpfs", p.get("tmp_mount"), p.toString());
      assertEquals("false", p.get("home_writable"), p.toString());
      assertNotEquals("ran", p.get("tmp_exec"), "tmpfs /tmp is noexec: " + p);
      assertEquals("1024", p.get("nofile"), p.toString());
      assertEquals("2048", p.get("nproc"), p.toString());
      assertEquals("0000000000000000", p.get("cap_bnd"), p.toString());
      assertEquals("1", p.get("nnp"), p.toString());
    }
  }

  @Test
  void aTrustedImageRunsAsItsOwnUserEvenRootAndItsRootIsWritable(ContainerRuntime rt) {
    assertThrows(ContainerRuntimeError.class, () -> rt.startSession(SandboxSpec.builder(TestImages.BASE).build()).close());
    try (ContainerSession s = rt.startSession(SandboxSpec.builder(TestImages.BASE).trustedImageAsBuilt().build())) {
      assertEquals("0\n", s.exec(List.of("id", "-u"), T).stdoutText());
      ExecResult w = s.exec(List.of("sh", "-c", "echo built > /etc/probe && cat /etc/probe"), T);
      assertEquals("built\n", w.stdoutText(), w.outputText());
    }
    try (ContainerSession s = rt.startSession(SandboxSpec.builder(TestImages.BASE).runAsRoot().build())) {
      assertFalse(s.exec(List.of("sh", "-c", "echo x > /etc/probe"), T).exitCode() == 0, "default: read-only root");
    }
  }

  @Test
  void aOneShotRunCanUseTheModeTooAndTheTimeLimitStays(ContainerRuntime rt) {
    SandboxSpec spec = SandboxSpec.builder(TestImages.SANDBOX).trustedImageAsBuilt()
        .command("sh", "-c", "touch $HOME/x && echo '{\"data\": \"ok\"}'").build();
    assertEquals("ok", rt.run(spec).data().asText());
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class, () -> rt.run(spec.toBuilder()
        .command("sleep", "30").timeout(Duration.ofSeconds(1)).build()));
    assertEquals(Reason.TIMEOUT, e.reason());
    assertTrue(spec.toBuilder().build().isTrustedImageAsBuilt(), "toBuilder keeps the mode");
  }
}
