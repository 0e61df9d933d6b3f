package org.containerops.dockerpkg.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransactionTest {
  @TempDir Path tmp;

  private List<String> listing() throws IOException {
    try (Stream<Path> walk = Files.walk(tmp)) {
      return walk.map(p -> tmp.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void commitReplacesAndCreates() throws IOException {
    Files.writeString(tmp.resolve("old"), "old");
    try (FileTransaction tx = new FileTransaction()) {
      tx.stage(tmp.resolve("old"), "new");
      tx.stage(tmp.resolve("d/e/f"), "created");
      tx.commit();
    }
    assertEquals("new", Files.readString(tmp.resolve("old")));
    assertEquals("created", Files.readString(tmp.resolve("d/e/f")));
    assertEquals(List.of("", "d", "d/e", "d/e/f", "old"), listing());
  }

  @Test
  void failureDuringCommitRestoresEverything() throws IOException {
    Files.writeString(tmp.resolve("a"), "A");
    Files.writeString(tmp.resolve("b"), "B");
    Files.writeString(tmp.resolve("c"), "C");
    List<String> before = listing();
    AtomicInteger moves = new AtomicInteger();
    FileTransaction.Mover failThird = (s, t) -> {
      if (moves.incrementAndGet() == 3) {
        throw new IOException("disk full (injected)");
      }
      FileTransaction.ATOMIC.move(s, t);
    };
    try (FileTransaction tx = new FileTransaction(failThird)) {
      tx.stage(tmp.resolve("a"), "A2");
      tx.stage(tmp.resolve("new/dir/x"), "X");
      tx.stage(tmp.resolve("b"), "B2");
      tx.stage(tmp.resolve("c"), "C2");
      assertThrows(IOException.class, tx::commit);
    }
    assertEquals(3, moves.get());
    assertEquals("A", Files.readString(tmp.resolve("a")));
    assertEquals("B", Files.readString(tmp.resolve("b")));
    assertEquals("C", Files.readString(tmp.resolve("c")));
    assertEquals(before, listing());
  }

  @Test
  void closeWithoutCommitLeavesNoTrace() throws IOException {
    try (FileTransaction tx = new FileTransaction()) {
      tx.stage(tmp.resolve("x/y"), "Y");
    }
    assertEquals(List.of(""), listing());
    assertFalse(Files.exists(tmp.resolve("x")));
  }
}
