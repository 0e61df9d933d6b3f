package org.containerops.runtime.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @TempDir Path tmp;

  @Test
  void commitMovesIntoPlaceWithTheUmasksPermissionsNot0600() throws IOException {
    Path temp = TempFiles.createTemp(tmp.resolve("linux-64"), "x-1.0-0.conda");
    assertTrue(TempFiles.isTemp(temp));
    Files.writeString(temp, "package");
    Path target = tmp.resolve("linux-64/x-1.0-0.conda");
    TempFiles.commit(temp, target);
    assertEquals("package", Files.readString(target));
    assertFalse(Files.exists(temp));
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
    // whatever the umask, a plain create grants what 0666 & ~umask grants; createTempFile would give 0600
    Path plain = Files.createFile(tmp.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), perms);
  }

  @Test
  void discardLeavesNothingBehind() throws IOException {
    int before = TempFiles.liveCount();
    Path temp = TempFiles.createTemp(tmp, "repodata.json");
    assertEquals(before + 1, TempFiles.liveCount());
    TempFiles.discard(temp);
    TempFiles.discard(temp);
    TempFiles.discard(null);
    assertEquals(before, TempFiles.liveCount());
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(0, s.count());
    }
  }
}
