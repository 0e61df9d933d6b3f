package org.containerops.feedstock.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionsTest {
  @TempDir Path dir;

  @Test
  void mapHasUpstreamsValuesAndSkipsGit() throws IOException {
    Files.createDirectories(dir.resolve(".scripts"));
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.writeString(dir.resolve(".scripts/build_steps.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(dir.resolve(".scripts/build_steps.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("README.md"), "x");
    Files.setPosixFilePermissions(dir.resolve("README.md"), PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(Map.of(".scripts", 64, ".scripts/build_steps.sh", 64, "README.md", 0), Permissions.userExecute(dir));
  }

  @Test
  void resetAcceptsIntsAndBooleans() throws IOException {
    Files.writeString(dir.resolve("a.sh"), "");
    Files.writeString(dir.resolve("b.sh"), "");
    Files.writeString(dir.resolve("c.txt"), "");
    Files.setPosixFilePermissions(dir.resolve("c.txt"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Permissions.reset(dir, Map.of("a.sh", 64, "b.sh", true, "c.txt", 0));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.sh"))));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("b.sh"))));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("c.txt"))));
  }

  @Test
  void copyLeavesGitOutAndCloseRemovesEverything() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.createDirectories(src.resolve(".git"));
    Files.writeString(src.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.createDirectories(src.resolve("recipe"));
    Files.writeString(src.resolve("recipe/meta.yaml"), "package: {name: x}\n");
    Path root;
    try (FeedstockCopy copy = FeedstockCopy.create("test")) {
      root = copy.root();
      Path c = copy.copy(src, "x-feedstock");
      assertTrue(Files.isRegularFile(c.resolve("recipe/meta.yaml")));
      assertFalse(Files.exists(c.resolve(".git")));
      Path locked = Files.createDirectories(c.resolve("made-by-container"));
      Files.writeString(locked.resolve("f"), "x");
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    }
    assertFalse(Files.exists(root));
  }

  @Test
  void numstatPathsIncludeBothSidesOfARename() {
    assertEquals(List.of(".scripts/build_steps.sh", "new.txt", "old.txt", "x y.md"),
        PatchApplier.touchedPaths("1\t0\t.scripts/build_steps.sh\0" + "0\t0\t\0old.txt\0new.txt\0" + "2\t1\tx y.md\0"));
  }
}
