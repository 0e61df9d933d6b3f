package org.containerops.dockerpkg.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.containerops.dockerpkg.Fixtures;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangelogTest {
  static Stream<Path> corpusChangelogs() throws IOException {
    try (Stream<Path> walk = Files.walk(Fixtures.corpusImages())) {
      return walk.filter(p -> p.getFileName().toString().equals("changelog")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpusChangelogs")
  void corpusChangelogsRoundTripByteForByte(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Changelog c = Changelog.parse(text, file);
    assertEquals(text.endsWith("\n") ? text : text + "\n", c.format());
    assertTrue(c.entries().size() >= 1);
    assertTrue(c.entries().stream().allMatch(e -> e.author() != null), "every corpus entry has a trailer");
  }

  @Test
  void corpusHas125ChangelogsAndOneWithoutFinalNewline() throws IOException {
    assertEquals(125, corpusChangelogs().count());
    long noNewline = corpusChangelogs().filter(p -> {
      try {
        return !Files.readString(p).endsWith("\n");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).count();
    assertEquals(1, noNewline);
  }

  @Test
  void latestEntryGivesNameAndVersion() {
    Changelog c = Changelog.parse("golang1.22 (1.22-20260816) wikimedia; urgency=medium\n\n  * Weekly rebuild.\n\n"
        + " -- Image build Bot <root@wikimedia.org>  Sun, 16 Aug 2026 06:00:15 +0000\n\n"
        + "golang1.22 (1.22-20260809) wikimedia; urgency=medium\n\n  * Weekly rebuild.\n\n"
        + " -- Image build Bot <root@wikimedia.org>  Sun, 09 Aug 2026 06:00:15 +0000\n", null);
    assertEquals("golang1.22", c.latest().packageName());
    assertEquals("1.22-20260816", c.latest().version());
    assertEquals(2, c.entries().size());
    assertEquals("Image build Bot <root@wikimedia.org>", c.latest().author());
  }

  /** The exact shape of upstream's new block (docker-pkg.md §3.2), checked line by line. */
  @Test
  void newEntryHasUpstreamsExactShape() {
    ChangelogEntry e = ChangelogEntry.create("golang1.22", "1.22-20260816-s1", "wikimedia",
        "Refresh for update in parent image bookworm:\nSecurity update", "Jane Doe <jane@example.org>",
        "Sun,  5 Nov 2026 02:13:29 +0000");
    assertEquals("golang1.22 (1.22-20260816-s1) wikimedia; urgency=high\n"
        + "\n"
        + "   Refresh for update in parent image bookworm:\n"
        + "   Security update\n"
        + "\n"
        + " -- Jane Doe <jane@example.org>  Sun,  5 Nov 2026 02:13:29 +0000\n"
        + "\n", e.format());
  }

  @Test
  void prependKeepsTheOldTextAndAddsAMissingFinalNewline() {
    ChangelogEntry e = ChangelogEntry.create("x", "2", "wikimedia", "r", "A <a@b>", "Mon,  1 Jan 2024 00:00:00 +0000");
    String old = "x (1) wikimedia; urgency=medium\n\n  * i\n\n -- A <a@b>  Mon, 01 Jan 2024 00:00:00 +0000";
    assertEquals(e.format() + old + "\n", Changelog.prepend(old, e));
    assertEquals(e.format() + old + "\n", Changelog.prepend(old + "\n", e));
  }

  @Test
  void malformedHeaderNamesFileAndLine() {
    Path f = Path.of("images/x/changelog");
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> Changelog.parse("\nx 1.0 wikimedia\n", f));
    assertTrue(e.getMessage().startsWith("images/x/changelog:2: expected"), e.getMessage());
    assertEquals(f, e.file());
    DockerPkgException empty = assertThrows(DockerPkgException.class, () -> Changelog.parse("", f));
    assertTrue(empty.getMessage().contains("no changelog entry"), empty.getMessage());
    DockerPkgException version = assertThrows(DockerPkgException.class,
        () -> Changelog.parse("x (1.0_bad) wikimedia; urgency=low\n", f));
    assertTrue(version.getMessage().contains("'1.0_bad' is not a valid Debian version"), version.getMessage());
  }
}
