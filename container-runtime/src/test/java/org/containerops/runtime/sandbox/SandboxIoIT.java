package org.containerops.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxListener;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.secret.SecretMask;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Data in (stdin, env), data out (stderr, logs), secrets and interruption. */
@ExtendWith(EngineExtension.class)
class SandboxIoIT {

  @Test
  void eightMebibytesOfStdinRoundTrip(ContainerRuntime rt) throws Exception {
    byte[] input = new byte[8 * 1024 * 1024];
    new Random(42).nextBytes(input);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
    JsonNode d = rt.run(SandboxSpec.builder(TestImages.SANDBOX).stdin(input).timeout(Duration.ofSeconds(60))
        .command(Sh.c("f=$(mktemp); cat > $f; printf '{\"data\": {\"sha256\": \"%s\", \"bytes\": %s}}' "
            + "$(sha256sum < $f | cut -c1-64) $(wc -c < $f)"))
        .build()).data();
    assertEquals(input.length, d.get("bytes").asLong());
    assertEquals(expected, d.get("sha256").asText());
  }

  @Test
  void withoutInputStdinIsClosedAtOnce(ContainerRuntime rt) {
    long start = System.nanoTime();
    JsonNode d = rt.run(SandboxSpec.builder(TestImages.SANDBOX).timeout(Duration.ofSeconds(20))
        .command(Sh.c("n=$(cat | wc -c); printf '{\"data\": %s}' $n")).build()).data();
    assertEquals(0, d.asInt());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
  }

  @Test
  void environmentPassesThrough(ContainerRuntime rt) {
    JsonNode d = rt.run(SandboxSpec.builder(TestImages.SANDBOX).env("FEEDSTOCK", "llvmdev").env("EMPTY", "")
        .command(Sh.c("printf '{\"data\": [\"%s\", \"%s\", \"%s\"]}' \"$FEEDSTOCK\" \"$EMPTY\" \"${UNSET-unset}\""))
        .build()).data();
    assertEquals("[\"llvmdev\",\"\",\"unset\"]", d.toString());
  }

  @Test
  void stderrIsStreamedLiveToTheListener(ContainerRuntime rt) {
    List<String> lines = new CopyOnWriteArrayList<>();
    rt.run(SandboxSpec.builder(TestImages.SANDBOX).command(Sh.c("echo one >&2; echo two >&2; echo '{\"data\": 0}'"))
        .build(), new SandboxListener() {
          @Override
          public void stderrLine(String containerId, String line) {
            lines.add(line);
          }
        });
    assertEquals(List.of("one", "two"), lines);
  }

  @Test
  void secretsInEnvAndArgsNeverReachErrorsOrLogs(ContainerRuntime rt) {
    String token = "ghp_0123456789abcdefSECRET";
    String password = "hunter2-in-an-argument";
    List<String> listened = new CopyOnWriteArrayList<>();
    PrintStream realErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ContainerRuntimeError e;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // slf4j-simple logs here
    try {
      SandboxSpec spec = SandboxSpec.builder(TestImages.SANDBOX)
          .secretEnv("UPLOAD_CREDENTIAL", token)
          .secret(password)
          .command("sh", "-c", "echo \"using $UPLOAD_CREDENTIAL and $0\" >&2; "
              + "printf '{\"data\": null, \"error\": \"RuntimeError(\\u0027bad %s\\u0027)\", \"traceback\": \"%s\"}' "
              + "\"$UPLOAD_CREDENTIAL\" \"$0\"; exit 1", "--password=" + password)
          .build();
      e = assertThrows(ContainerRuntimeError.class, () -> rt.run(spec, new SandboxListener() {
        @Override
        public void stderrLine(String containerId, String line) {
          listened.add(line);
        }
      }));
    } finally {
      System.setErr(realErr);
    }
    assertEquals(Reason.NONZERO_EXIT, e.reason());
    String everything = String.join("\n", e.getMessage(), String.join(" ", e.command()), e.stderrTail(),
        e.remoteError().orElseThrow().message(), e.remoteError().orElseThrow().traceback(), String.join("\n", listened),
        log.toString(StandardCharsets.UTF_8));
    assertFalse(everything.contains(token), everything);
    assertFalse(everything.contains(password), everything);
    assertTrue(e.stderrTail().contains("using " + SecretMask.MASK), e.stderrTail());
    assertTrue(e.command().contains("--password=" + SecretMask.MASK), e.command().toString());
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("using " + SecretMask.MASK), "stderr reached the log");
  }

  @Test
  void anInterruptedCallerLeavesNoContainer(ContainerRuntime rt) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        rt.run(SandboxSpec.builder(TestImages.SANDBOX).command("sleep", "60").build());
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    caller.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String running = null;
    while (running == null) {
      assertTrue(System.nanoTime() < deadline, "the container never started");
      running = ContainerTracker.listOurs(rt.client(), rt.sessionId()).stream()
          .filter(c -> "running".equals(c.getState())).map(c -> c.getId()).findFirst().orElse(null);
      Thread.sleep(50);
    }
    caller.interrupt();
    caller.join(20_000);
    assertFalse(caller.isAlive());
    ContainerRuntimeError e = (ContainerRuntimeError) thrown.get();
    assertEquals(Reason.INTERRUPTED, e.reason());
    String id = running;
    assertTrue(ContainerTracker.listOurs(rt.client(), rt.sessionId()).stream().noneMatch(c -> c.getId().equals(id)),
        "removed before run() returned");
  }
}
