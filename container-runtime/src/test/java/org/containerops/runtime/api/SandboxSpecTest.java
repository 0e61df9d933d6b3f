package org.containerops.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSpecTest {

  @Test
  void defaultsAreTheLockedDownOnes(@TempDir Path dir) {
    SandboxSpec s = SandboxSpec.builder("img").command("true").mount(dir).build();
    assertEquals("none", s.network());
    assertEquals(Limits.defaults(), s.limits());
    assertEquals(6000L * 1024 * 1024, s.limits().memoryBytes());
    assertEquals(6_000_000_000L, s.limits().tmpfsBytes());
    assertEquals(1024, s.limits().nofile());
    assertEquals(2048, s.limits().nproc());
    assertTrue(s.mounts().get(0).readOnly());
    assertEquals(Mount.DEFAULT_CONTAINER_PATH, s.mounts().get(0).containerPath());
    assertFalse(s.runAsRoot());
    assertTrue(s.user().isEmpty());
    assertTrue(s.stdin().isEmpty());
    assertEquals(256L * 1024 * 1024, s.stdoutLimitBytes());
    assertEquals(64 * 1024, s.stderrTailBytes());
    assertEquals(Duration.ofHours(1), s.timeout());
  }

  @Test
  void rootMustBeAskedForExplicitly() {
    for (String root : List.of("0", "root", "0:0", "root:root")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SandboxSpec.builder("img").user(root).build());
      assertTrue(e.getMessage().startsWith("user:"), e.getMessage());
      assertEquals(root, SandboxSpec.builder("img").user(root).runAsRoot().build().user().orElseThrow());
    }
    assertEquals("1000:1000", SandboxSpec.builder("img").user("1000:1000").build().user().orElseThrow());
  }

  @Test
  void badInputNamesTheField(@TempDir Path dir) {
    assertMessage("image:", () -> SandboxSpec.builder(" ").build());
    assertMessage("env:", () -> SandboxSpec.builder("i").env("BAD NAME", "x").build());
    assertMessage("timeout:", () -> SandboxSpec.builder("i").timeout(Duration.ZERO).build());
    assertMessage("mounts:", () -> SandboxSpec.builder("i").mount(dir).mount(dir).build());
    assertMessage("mount:", () -> SandboxSpec.builder("i").mount(dir.resolve("missing")).build());
    assertMessage("mount:", () -> new Mount(dir, "relative", true));
    assertMessage("limits:", () -> Limits.defaults().withMemoryBytes(0));
    assertMessage("stdoutLimitBytes:", () -> SandboxSpec.builder("i").stdoutLimitBytes(0).build());
  }

  @Test
  void envAndLabelsAreSortedAndImmutable() {
    SandboxSpec s = SandboxSpec.builder("i").env("B", "2").env("A", "1").label("z", "1").label("a", "2").build();
    assertEquals(List.of("A", "B"), List.copyOf(s.env().keySet()));
    assertEquals(List.of("a", "z"), List.copyOf(s.labels().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> s.env().put("C", "3"));
  }

  @Test
  void secretEnvIsRecordedAsASecret() {
    SandboxSpec s = SandboxSpec.builder("i").secretEnv("PLAIN_NAME", "value-123").build();
    assertEquals(List.of("value-123"), s.secrets());
    assertEquals(s, s.toBuilder().build().toBuilder().build());
  }

  private static void assertMessage(String prefix, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().startsWith(prefix), x.getMessage());
  }
}
