package org.containerops.dockerpkg.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Author precedence, ported from upstream tests/test_images.py, and the strftime date. */
class ChangelogAuthorTest {
  private static final Function<String, Optional<String>> GIT =
      k -> Optional.of(k.equals("user.name") ? "Git Name" : "git@example.org");
  private static final Function<String, Optional<String>> NO_GIT = k -> Optional.empty();

  @Test
  void environmentWins() {
    ChangelogAuthor a = ChangelogAuthor.resolve(Map.of("DEBFULLNAME", "Env Name", "DEBEMAIL", "env@example.org"), GIT, "Author", "email@domain");
    assertEquals("Env Name <env@example.org>", a.signature());
  }

  @Test
  void gitIsNextThenFallback() {
    assertEquals(new ChangelogAuthor("Git Name", "git@example.org"), ChangelogAuthor.resolve(Map.of(), GIT, "Author", "email@domain"));
    assertEquals(new ChangelogAuthor("Author", "email@domain"), ChangelogAuthor.resolve(Map.of(), NO_GIT, "Author", "email@domain"));
  }

  @Test
  void gitEmailIsNotAskedWhenTheGitNameLookupFailed() {
    Function<String, Optional<String>> onlyEmail = k -> k.equals("user.email") ? Optional.of("git@example.org") : Optional.empty();
    assertEquals(new ChangelogAuthor("Author", "email@domain"), ChangelogAuthor.resolve(Map.of(), onlyEmail, "Author", "email@domain"));
    assertEquals(new ChangelogAuthor("Env", "git@example.org"),
        ChangelogAuthor.resolve(Map.of("DEBFULLNAME", "Env"), GIT, "Author", "email@domain"));
  }

  @Test
  void dateIsStrftimeWithSpacePaddedDayAndTheClocksOffset() {
    Clock nov5 = Clock.fixed(Instant.parse("2026-11-05T02:13:29Z"), ZoneOffset.UTC);
    assertEquals("Thu,  5 Nov 2026 02:13:29 +0000", ChangelogAuthor.date(nov5));
    Clock nov22 = Clock.fixed(Instant.parse("2026-11-22T02:13:29Z"), ZoneId.of("Europe/Rome"));
    assertEquals("Sun, 22 Nov 2026 03:13:29 +0100", ChangelogAuthor.date(nov22));
  }
}
