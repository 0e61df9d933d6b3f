package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are Python 3.11's {@code shlex.split} results. */
class ShellWordsTest {
  @Test
  void splitsLikePythonShlex() {
    assertEquals(List.of("{path}/test.sh", "{image}"), ShellWords.split("{path}/test.sh {image}"));
    assertEquals(List.of("-c"), ShellWords.split("-c"));
    assertEquals(List.of("a b", "c\"d", "e f", "g"), ShellWords.split("'a b' \"c\\\"d\" e\\ f   g"));
    assertEquals(List.of("ab"), ShellWords.split("a'b'"));
    assertEquals(List.of(), ShellWords.split("   "));
    assertEquals(List.of("x\\y"), ShellWords.split("\"x\\y\""));
  }

  @Test
  void unclosedQuotesAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("'open"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("\"open"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("trailing\\"));
  }
}
