package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.containerops.runtime.secret.SecretMask;
import org.junit.jupiter.api.Test;

/** Running a verification command on the host: environment, output, masking, timeout. */
class HostVerifierTest {
  private static final String PATH = "/usr/local/bin:/usr/bin:/bin";
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final HostVerifier verifier = new HostVerifier(Duration.ofMinutes(1));

  @Test
  void theCommandGetsExactlyTheGivenEnvironmentAndNoStdin() {
    HostVerifier.Outcome r = verifier.run(List.of("/usr/bin/env"),
        Map.of("PATH", PATH, "http_proxy", "http://proxy.invalid:3128"), SecretMask.none(), out::add);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("PATH=" + PATH, "http_proxy=http://proxy.invalid:3128"), out.stream().sorted().toList());

    HostVerifier.Outcome cat = verifier.run(List.of("/bin/cat"), Map.of(), SecretMask.none(), out::add);
    assertEquals(0, cat.exitCode(), "stdin is closed, so cat ends at once");
  }

  @Test
  void stdoutAndStderrAreStreamedAndOnlyTheTailIsKept() {
    HostVerifier.Outcome r = verifier.run(List.of("/bin/sh", "-c",
        "i=0; while [ $i -lt 120 ]; do i=$((i+1)); echo line $i; done; printf 'no newline' >&2; exit 4"),
        Map.of("PATH", PATH), SecretMask.none(), out::add);
    assertEquals(4, r.exitCode());
    assertFalse(r.timedOut());
    assertEquals(121, out.size());
    assertEquals(HostVerifier.TAIL_LINES, r.tail().size());
    assertEquals("line 72", r.tail().get(0));
    assertEquals("no newline", r.tail().get(HostVerifier.TAIL_LINES - 1));
  }

  @Test
  void secretsAreMaskedBeforeTheyLeave() {
    SecretMask mask = SecretMask.of(List.of("s3cr3t-registry-pw"), Map.of());
    HostVerifier.Outcome r = verifier.run(List.of("/bin/sh", "-c",
        "echo 'login with s3cr3t-registry-pw via http://user:proxypw@proxy.invalid:3128'; exit 1"),
        Map.of(), mask, out::add);
    String want = "login with **** via http://user:****@proxy.invalid:3128";
    assertEquals(List.of(want), out);
    assertEquals(List.of(want), r.tail());
  }

  @Test
  void aTimeoutKillsTheCommandAndItsChildren() throws InterruptedException {
    long start = System.nanoTime();
    HostVerifier.Outcome r = new HostVerifier(Duration.ofSeconds(1)).run(List.of("/bin/sh", "-c",
        "sleep 300 & echo $!; wait"), Map.of("PATH", PATH), SecretMask.none(), out::add);
    assertTrue(r.timedOut());
    assertEquals(-1, r.exitCode());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "returned soon after the timeout");
    long child = Long.parseLong(r.tail().get(0));
    for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
      Thread.sleep(100);
    }
    assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "background sleep killed");
  }

  @Test
  void aCommandThatCannotStartIsAFailureNamingIt() {
    HostVerifier.Outcome r = verifier.run(List.of("/nonexistent/verifier", "x"), Map.of(), SecretMask.none(), out::add);
    assertEquals(-1, r.exitCode());
    assertFalse(r.timedOut());
    assertTrue(r.tail().get(0).startsWith("cannot run /nonexistent/verifier: "), r.tail().toString());
  }
}
