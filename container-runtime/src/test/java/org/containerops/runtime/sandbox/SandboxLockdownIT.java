package org.containerops.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.Limits;
import org.containerops.runtime.api.Mount;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the sandbox forbids, checked from inside real containers. */
@ExtendWith(EngineExtension.class)
class SandboxLockdownIT {

  /** Reports the container's identity, limits and privileges as the reply's data. */
  private static final String PROBE = String.join("\n",
      "if touch /etc/probe 2>/dev/null; then ro=false; else ro=true; fi",
      "if touch /tmp/probe 2>/dev/null; then tmp=true; else tmp=false; fi",
      "cap=$(awk '/^CapEff/ {print $2}' /proc/self/status)",
      "nnp=$(awk '/^NoNewPrivs/ {print $2}' /proc/self/status)",
      "nofile=$(awk '/^Max open files/ {print $4}' /proc/self/limits)",
      "nproc=$(awk '/^Max processes/ {print $3}' /proc/self/limits)",
      "mem=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max)",
      "pids=$(cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max)",
      "tmpmode=$(stat -c %a /tmp)",
      "ifaces=$(ls /sys/class/net | tr '\\n' ' ')",
      "printf '{\"data\": {\"uid\": %s, \"gid\": %s, \"rootfs_readonly\": %s, \"tmp_writable\": %s, \"tmp_mode\": \"%s\","
          + " \"cap_eff\": \"%s\", \"no_new_privs\": %s, \"nofile\": %s, \"nproc\": %s, \"memory\": %s, \"pids\": %s,"
          + " \"interfaces\": \"%s\"}}\\n' $(id -u) $(id -g) $ro $tmp $tmpmode $cap $nnp $nofile $nproc $mem $pids"
          + " \"$ifaces\"");

  @Test
  void runsAsTheImagesNonRootUserOnAReadOnlyLockedDownRootfs(ContainerRuntime rt) {
    JsonNode d = rt.run(SandboxSpec.builder(TestImages.SANDBOX).command(Sh.c(PROBE)).build()).data();
    assertEquals(1000, d.get("uid").asInt());
    assertTrue(d.get("rootfs_readonly").asBoolean(), d.toString());
    assertTrue(d.get("tmp_writable").asBoolean(), d.toString());
    assertEquals("1777", d.get("tmp_mode").asText());
    assertEquals("0000000000000000", d.get("cap_eff").asText());
    assertEquals(1, d.get("no_new_privs").asInt());
    assertEquals(1024, d.get("nofile").asInt());
    assertEquals(2048, d.get("nproc").asInt());
    assertEquals(Limits.DEFAULT_MEMORY_BYTES, d.get("memory").asLong());
    assertEquals(Limits.DEFAULT_PIDS, d.get("pids").asLong());
    assertEquals("lo", d.get("interfaces").asText().strip(), "network none has only loopback");
  }

  @Test
  void anImageWithoutNonRootUserNeedsAUserOrAnExplicitRoot(ContainerRuntime rt) {
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class,
        () -> rt.run(SandboxSpec.builder(TestImages.BASE).command(Sh.c(PROBE)).build()));
    assertEquals(Reason.ROOT_NOT_ALLOWED, e.reason());
    assertTrue(e.getMessage().contains("runAsRoot()"), e.getMessage());

    JsonNode asUser = rt.run(SandboxSpec.builder(TestImages.BASE).command(Sh.c(PROBE)).user("1234:4321").build()).data();
    assertEquals(1234, asUser.get("uid").asInt());
    assertEquals(4321, asUser.get("gid").asInt());

    JsonNode asRoot = rt.run(SandboxSpec.builder(TestImages.BASE).command(Sh.c(PROBE)).runAsRoot().build()).data();
    assertEquals(0, asRoot.get("uid").asInt());
    assertTrue(asRoot.get("rootfs_readonly").asBoolean(), "root too gets a read-only rootfs");
    assertEquals("0000000000000000", asRoot.get("cap_eff").asText(), "root too has no capabilities");
  }

  @Test
  void limitsCanBeChanged(ContainerRuntime rt) {
    Limits limits = Limits.defaults().withMemoryBytes(256L * 1024 * 1024).withPidsLimit(64);
    JsonNode d = rt.run(SandboxSpec.builder(TestImages.SANDBOX).command(Sh.c(PROBE)).limits(limits).build()).data();
    assertEquals(256L * 1024 * 1024, d.get("memory").asLong());
    assertEquals(64, d.get("pids").asLong());
  }

  @Test
  void readOnlyMountRefusesWritesAndReadWriteMountAcceptsThem(ContainerRuntime rt, @TempDir Path dir)
      throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.writeString(dir.resolve("meta.yaml"), "package: {name: x}\n");
    String script = "cat /cf_feedstock_ops_dir/meta.yaml >&2; "
        + "if echo hi > /cf_feedstock_ops_dir/out.txt; then w=wrote; else w=refused; fi; "
        + "printf '{\"data\": \"%s\"}' $w";

    JsonNode ro = rt.run(SandboxSpec.builder(TestImages.SANDBOX).command(Sh.c(script)).mount(dir).build()).data();
    assertEquals("refused", ro.asText());
    assertTrue(Files.notExists(dir.resolve("out.txt")));

    JsonNode rw = rt.run(SandboxSpec.builder(TestImages.SANDBOX).command(Sh.c(script))
        .mount(Mount.readWrite(dir)).build()).data();
    assertEquals("wrote", rw.asText());
    assertEquals("hi\n", Files.readString(dir.resolve("out.txt")));
  }

  @Test
  void mountPathCanBeChosen(ContainerRuntime rt, @TempDir Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("input.txt"), "payload");
    JsonNode d = rt.run(SandboxSpec.builder(TestImages.SANDBOX)
        .command(Sh.c("printf '{\"data\": \"%s\"}' \"$(cat /opt/recipe/input.txt)\""))
        .mount(new Mount(dir, "/opt/recipe", true)).build()).data();
    assertEquals("payload", d.asText());
  }

  @Test
  void cannotReachAPortOnTheHostsLoopbackButHostNetworkCan(ContainerRuntime rt) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(200);
      AtomicInteger accepted = new AtomicInteger();
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            accepted.incrementAndGet();
          } catch (SocketTimeoutException again) {
            // poll until closed
          } catch (IOException closed) {
            return;
          }
        }
      });
      acceptor.start();
      String connect = "if (exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + ") 2>/dev/null; "
          + "then r=connected; else r=unreachable; fi; printf '{\"data\": \"%s\"}' $r";
      SandboxSpec.Builder spec = SandboxSpec.builder(TestImages.SANDBOX).command("bash", "-c", connect);

      assertEquals("unreachable", rt.run(spec.build()).data().asText());
      assertEquals(0, accepted.get());

      // the control: the same probe reaches the port when host networking is asked for
      assertEquals("connected", rt.run(spec.network("host").build()).data().asText());
      server.close();
      acceptor.join();
      assertEquals(1, accepted.get());
    }
  }
}
