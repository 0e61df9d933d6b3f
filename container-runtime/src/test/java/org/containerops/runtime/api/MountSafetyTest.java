package org.containerops.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mounts default to the safe side (issue 17 §6): the real path decides; {@code /}, the engine socket (or a
 * directory holding it) and other sockets are always refused, system directories unless allowed, a file
 * where a directory is required is refused; errors name what was given and what it resolved to.
 */
class MountSafetyTest {
  private static final String ALWAYS = "always refused";
  private static final String SYSTEM = "system";
  private static final String OK = "ok";

  /** One row: the path given, where it is mounted, the expected outcome and words the error must contain. */
  private record Row(Path given, String containerPath, String outcome, List<String> words) {}

  @Test
  void everyRowIsAcceptedOrRefusedAsTheTableSays(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("work"));
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    Path toRoot = Files.createSymbolicLink(tmp.resolve("to-root"), Path.of("/"));
    Path toEtc = Files.createSymbolicLink(tmp.resolve("to-etc"), Path.of("/etc"));
    Path toDir = Files.createSymbolicLink(tmp.resolve("to-work"), dir);
    Path toSock = Files.createSymbolicLink(tmp.resolve("to-engine"), Path.of("/var/run/docker.sock"));
    Path dotdot = tmp.resolve("work/../../../../../../etc");
    Path socket = tmp.resolve("own.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      String at = "/data";
      String op = Mount.DEFAULT_CONTAINER_PATH;
      List<Row> rows = List.of(
          new Row(Path.of("/"), at, ALWAYS, List.of("mount: /", "root directory")),
          new Row(toRoot, at, ALWAYS, List.of(toRoot.toString(), "resolves to /", "root directory")),
          new Row(Path.of("/var/run/docker.sock"), at, ALWAYS, List.of("/var/run/docker.sock",
              "resolves to /run/docker.sock", "engine socket")),
          new Row(toSock, at, ALWAYS, List.of(toSock.toString(), "engine socket")),
          new Row(Path.of("/run"), at, ALWAYS, List.of("holds the engine socket")),
          new Row(Path.of("/var/run"), at, ALWAYS, List.of("resolves to /run", "holds the engine socket")),
          new Row(socket, at, ALWAYS, List.of(socket.toString(), "socket")),
          new Row(Path.of("/dev/null"), at, ALWAYS, List.of("/dev/null", "device")),
          new Row(tmp.resolve("missing"), at, ALWAYS, List.of("does not exist", "missing")),
          new Row(file, op, ALWAYS, List.of(file.toString(), "is a file; a directory is required")),
          new Row(Path.of("/etc"), at, SYSTEM, List.of("/etc", "system directory", "--allow-system-mount")),
          new Row(toEtc, op, SYSTEM, List.of(toEtc.toString(), "resolves to /etc", "system directory /etc")),
          new Row(dotdot, at, SYSTEM, List.of("/etc", "system directory")),
          new Row(Path.of("/etc/hostname"), at, SYSTEM, List.of("/etc/hostname", "system directory /etc")),
          new Row(Path.of("/proc/self"), at, SYSTEM, List.of("system directory /proc")),
          new Row(Path.of("/sys"), at, SYSTEM, List.of("system directory /sys")),
          new Row(Path.of("/boot"), at, SYSTEM, List.of("system directory /boot")),
          new Row(dir, op, OK, List.of()),
          new Row(toDir, op, OK, List.of()),
          new Row(file, at, OK, List.of()));
      List<String> wrong = new ArrayList<>();
      for (Row row : rows) {
        String lockedDown = outcome(row, false);
        String allowed = outcome(row, true);
        String expectAllowed = row.outcome.equals(SYSTEM) ? OK : row.outcome;
        if (!lockedDown.startsWith(row.outcome) || !allowed.startsWith(expectAllowed)) {
          wrong.add(row.given + " at " + row.containerPath + ": want " + row.outcome + "/" + expectAllowed + ", got "
              + lockedDown + " / " + allowed);
        }
        for (String word : row.words) {
          if (!lockedDown.contains(word)) {
            wrong.add(row.given + ": message lacks '" + word + "': " + lockedDown);
          }
        }
      }
      assertEquals(List.of(), wrong);
    }
  }

  /** {@code "ok"}, or the outcome class followed by the error message. */
  private static String outcome(Row row, boolean allowSystem) {
    Mount m;
    try {
      m = new Mount(row.given, row.containerPath, true);
    } catch (IllegalArgumentException e) {
      return ALWAYS + ": " + e.getMessage();
    }
    SandboxSpec.Builder b = SandboxSpec.builder("img").mount(m);
    if (allowSystem) {
      b.allowSystemMounts();
    }
    try {
      b.build();
      return OK;
    } catch (IllegalArgumentException e) {
      return SYSTEM + ": " + e.getMessage();
    }
  }

  @Test
  void theContainerGetsTheRealPath(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("real"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
    Mount m = Mount.readOnly(link);
    assertEquals(link, m.hostPath());
    assertEquals(dir.toRealPath(), m.realHostPath());
  }

  @Test
  void toBuilderKeepsTheAllowance() {
    SandboxSpec s = SandboxSpec.builder("img").mount(new Mount(Path.of("/etc"), "/host-etc", true))
        .allowSystemMounts().build();
    assertTrue(s.allowSystemMounts());
    assertTrue(s.toBuilder().build().allowSystemMounts());
    assertThrows(IllegalArgumentException.class, () -> SandboxSpec.builder("img")
        .mount(new Mount(Path.of("/etc"), "/host-etc", true)).build());
  }
}
