package org.containerops.runtime.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfinedPathTest {
  @TempDir Path tmp;

  @Test
  void resolvesNamesUnderTheRootEvenWhenNothingExistsYet() {
    Path root = tmp.resolve("cache");
    assertEquals(root.resolve("linux-64/x-1.0-0.conda"), ConfinedPath.resolve(root, "linux-64/x-1.0-0.conda"));
    assertEquals(root.resolve("noarch/x-1.0-0.conda"), ConfinedPath.resolve(root, "noarch/./sub/../x-1.0-0.conda"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a/../../x", "/etc/passwd", "..", ".", "a/..", "x\u0000y", "a\\b", "line\nbreak"})
  void refusesEscapesAbsolutesAndControlCharacters(String name) {
    UnsafePathException e = assertThrows(UnsafePathException.class, () -> ConfinedPath.resolve(tmp, name));
    assertEquals(name, e.input());
    assertTrue(e.getMessage().contains(tmp.toString()), e.getMessage());
  }

  @Test
  void refusesAWriteThroughASymbolicLinkThatLeavesTheRoot() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createSymbolicLink(root.resolve("linux-64"), outside);
    UnsafePathException e = assertThrows(UnsafePathException.class, () -> ConfinedPath.resolve(root, "linux-64/x-1.0-0.conda"));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("nowhere"));
    assertThrows(UnsafePathException.class, () -> ConfinedPath.resolve(root, "dangling/x"));
  }

  @Test
  void acceptsASymbolicLinkThatStaysInside() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("real"));
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
    assertEquals(root.resolve("alias/f"), ConfinedPath.resolve(root, "alias/f"));
    assertEquals(root.resolve("real").toRealPath(), ConfinedPath.requireInside(root, root.resolve("alias")));
  }

  @Test
  void requireInsideNamesWhatALinkResolvedTo() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path secret = Files.writeString(tmp.resolve("secret"), "s");
    Path link = Files.createSymbolicLink(root.resolve("Dockerfile.template"), secret);
    UnsafePathException e = assertThrows(UnsafePathException.class, () -> ConfinedPath.requireInside(root, link));
    assertTrue(e.getMessage().contains(link.toString()) && e.getMessage().contains(secret.toRealPath().toString()),
        e.getMessage());
    assertFalse(e.getMessage().contains("s\n"));
  }

  @Test
  void resolveCondaFileAppliesTheGrammarFirst() {
    assertThrows(UnsafePathException.class, () -> ConfinedPath.resolveCondaFile(tmp, "../../x/NAME-1.0-0.tar.bz2"));
    assertEquals(tmp.resolve("NAME-1.0-0.tar.bz2"), ConfinedPath.resolveCondaFile(tmp, "NAME-1.0-0.tar.bz2"));
  }
}
