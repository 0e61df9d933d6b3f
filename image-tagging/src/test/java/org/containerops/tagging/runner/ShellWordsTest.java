package org.containerops.tagging.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void splitsUpstreamCommandsLikePosixShlex() {
    assertEquals(List.of("R", "--silent", "-e", "installed.packages(.Library)[, c(1,3)]"),
        ShellWords.split("R --silent -e 'installed.packages(.Library)[, c(1,3)]'"));
    assertEquals(List.of("julia", "-E", "using InteractiveUtils; versioninfo()"),
        ShellWords.split("julia -E 'using InteractiveUtils; versioninfo()'"));
    assertEquals(List.of("apt", "list", "--installed"), ShellWords.split("  apt\tlist   --installed "));
  }

  @Test
  void doubleQuotesHonourOnlyQuoteAndBackslashEscapes() {
    assertEquals(List.of("sh", "-c", "echo \"a b\""), ShellWords.split("sh -c 'echo \"a b\"'"));
    assertEquals(List.of("a\"b\\c\\$d"), ShellWords.split("\"a\\\"b\\\\c\\$d\""));
    assertEquals(List.of("ab cd", ""), ShellWords.split("a'b c'd ''"));
    assertEquals(List.of("a b"), ShellWords.split("a\\ b"));
    assertEquals(List.of("$HOME", "*"), ShellWords.split("$HOME *"));
  }

  @Test
  void unbalancedQuotesAreErrorsAsInShlex() {
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'x"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo \"x"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo x\\"));
  }
}
