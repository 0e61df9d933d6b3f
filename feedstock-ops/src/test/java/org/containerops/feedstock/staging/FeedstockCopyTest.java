package org.containerops.feedstock.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.containerops.runtime.paths.UnsafePathException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17 §3: the staging copy keeps links inside the feedstock and refuses links that leave it. */
class FeedstockCopyTest {
  @TempDir Path tmp;

  private Path feedstock() throws IOException {
    Path fs = Files.createDirectories(tmp.resolve("x-feedstock/recipe"));
    Files.writeString(fs.resolve("meta.yaml"), "package: {name: x, version: 1}\n");
    Files.createDirectories(tmp.resolve("x-feedstock/.git"));
    Files.writeString(tmp.resolve("x-feedstock/.git/config"), "secret\n");
    Files.writeString(tmp.resolve("outside.txt"), "host file\n");
    return fs.getParent();
  }

  @Test
  void linksInsideTheTreeAreCopiedAsLinksAndNeverFollowed() throws IOException {
    Path fs = feedstock();
    Files.createSymbolicLink(fs.resolve("recipe/alias.yaml"), Path.of("meta.yaml"));
    Files.createSymbolicLink(fs.resolve("recipe-link"), Path.of("recipe"));
    Files.createSymbolicLink(fs.resolve("recipe/dangling-inside"), Path.of("not-there-yet"));
    try (FeedstockCopy c = FeedstockCopy.create("test")) {
      Path copy = c.copy(fs, "x-feedstock");
      assertTrue(Files.isSymbolicLink(copy.resolve("recipe/alias.yaml")));
      assertEquals(Path.of("meta.yaml"), Files.readSymbolicLink(copy.resolve("recipe/alias.yaml")));
      assertEquals(Path.of("recipe"), Files.readSymbolicLink(copy.resolve("recipe-link")));
      assertTrue(Files.isSymbolicLink(copy.resolve("recipe/dangling-inside")));
      assertFalse(Files.exists(copy.resolve(".git"), LinkOption.NOFOLLOW_LINKS), ".git is never copied");
    }
  }

  /** Each target leaves x-feedstock: absolute, through .., into .git's sibling, dangling outside. */
  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "../../outside.txt", "../../", "/", "../../outside-missing.txt", "/nonexistent/x",
      "../../x-feedstock/../outside.txt"})
  void aLinkLeavingTheTreeIsRefusedNamingLinkAndTree(String target) throws IOException {
    Path fs = feedstock();
    Files.createSymbolicLink(fs.resolve("recipe/meta-link.yaml"), Path.of(target));
    try (FeedstockCopy c = FeedstockCopy.create("test")) {
      UnsafePathException e = assertThrows(UnsafePathException.class, () -> c.copy(fs, "x-feedstock"));
      assertTrue(e.getMessage().contains("meta-link.yaml") && e.getMessage().contains("x-feedstock")
          && e.getMessage().contains("leave"), e.getMessage());
      assertFalse(e.getMessage().contains("host file"), "never the contents");
    }
  }

  @Test
  void aChainOfLinksThatEndsOutsideIsRefused() throws IOException {
    Path fs = feedstock();
    Files.createSymbolicLink(tmp.resolve("hop"), tmp.resolve("outside.txt"));
    Files.createSymbolicLink(fs.resolve("recipe/inner"), Path.of("../../hop"));
    Files.createSymbolicLink(fs.resolve("recipe/outer"), Path.of("inner"));
    try (FeedstockCopy c = FeedstockCopy.create("test")) {
      UnsafePathException e = assertThrows(UnsafePathException.class, () -> c.copy(fs, "x-feedstock"));
      assertTrue(e.getMessage().contains("outside.txt"), "names what it resolved to: " + e.getMessage());
    }
  }

  @Test
  void aFeedstockDirThatIsItselfALinkIsCopiedFromItsRealPath() throws IOException {
    Path fs = feedstock();
    Path alias = Files.createSymbolicLink(tmp.resolve("alias-feedstock"), fs);
    try (FeedstockCopy c = FeedstockCopy.create("test")) {
      Path copy = c.copy(alias, "x-feedstock");
      assertTrue(Files.isRegularFile(copy.resolve("recipe/meta.yaml"), LinkOption.NOFOLLOW_LINKS));
    }
  }
}
