package org.containerops.mirror.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.containerops.mirror.Fixtures;
import org.containerops.runtime.testing.LocalRegistry;
import org.containerops.runtime.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 §6: a channel written by {@code pull-cache} follows the process umask (it was always 0600),
 * so a web server or another user can read it. The CLI runs as a child process under a set umask.
 */
@ExtendWith(RegistryExtension.class)
class ChannelPermissionsIT {

  private static String pullCache(LocalRegistry registry, String umask, Path cache) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Files.createTempFile(cache.getParent(), "pull-", ".log");
    try {
      Process p = new ProcessBuilder("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh", java.toString(), "-cp",
          System.getProperty("java.class.path"), "org.containerops.mirror.cli.CondaOciCli", "pull-cache", "-c", "perms",
          "-s", "noarch", "--registry", registry.hostPort() + "/mirrors", "--cache-dir", cache.toString(),
          "--retries", "0", "--quiet").redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("pull-cache did not end in 90 s: " + Files.readString(log));
      }
      assertEquals(0, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      return Files.readString(log, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void pulledPackagesAndRepodataFollowTheUmask(LocalRegistry registry, @TempDir Path tmp) throws Exception {
    assertTrue(MirrorIT.mirror(registry, "perms", Fixtures.channel().toUri(), new RecordingListener(), tmp.resolve("m"))
        .ok());
    String pkg = "noarch/run_exports_versions-2.0-h39de5ba_0.tar.bz2";
    Path open = tmp.resolve("umask022");
    pullCache(registry, "022", open);
    for (String f : List.of(pkg, "noarch/repodata.json")) {
      assertEquals("rw-r--r--", mode(open.resolve(f)), f + " under umask 022");
    }
    Path closed = tmp.resolve("umask027");
    pullCache(registry, "027", closed);
    for (String f : List.of(pkg, "noarch/repodata.json")) {
      assertEquals("rw-r-----", mode(closed.resolve(f)), f + " under umask 027");
    }
  }
}
