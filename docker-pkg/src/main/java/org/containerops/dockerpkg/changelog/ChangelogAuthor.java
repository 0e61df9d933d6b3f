package org.containerops.dockerpkg.changelog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Who signs new changelog entries, and when (upstream image.py:139-169 and the
 * {@code time.strftime("%a, %e %b %Y %H:%M:%S %z")} of image.py:131).
 *
 * <p>Name: {@code $DEBFULLNAME}, else {@code git config --get user.name}, else the config's
 * {@code fallback_author}. Email: {@code $DEBEMAIL}, else (only if the git name lookup did not
 * fail) {@code git config --get user.email}, else {@code fallback_email}. Unlike upstream, a
 * failing email lookup falls back instead of aborting the update.
 *
 * @param name the author's name
 * @param email the author's email
 */
public record ChangelogAuthor(String name, String email) {
  /** {@code %a, %e %b %Y %H:%M:%S %z} in the C locale: the day of month is space-padded. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, ppd MMM yyyy HH:mm:ss xx", Locale.US);

  public ChangelogAuthor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  /** @return {@code Name <email>} as the changelog trailer shows it */
  public String signature() {
    return name + " <" + email + ">";
  }

  /**
   * @param env environment variables ({@code DEBFULLNAME}, {@code DEBEMAIL})
   * @param gitConfig looks up a git config key ({@code user.name}); empty when git fails
   * @param fallbackName config {@code fallback_author}
   * @param fallbackEmail config {@code fallback_email}
   */
  public static ChangelogAuthor resolve(Map<String, String> env, Function<String, Optional<String>> gitConfig,
      String fallbackName, String fallbackEmail) {
    String name = fallbackName;
    String email = fallbackEmail;
    boolean gitFailed = false;
    if (env.containsKey("DEBFULLNAME")) {
      name = env.get("DEBFULLNAME");
    } else {
      Optional<String> git = gitConfig.apply("user.name");
      gitFailed = git.isEmpty();
      name = git.orElse(name);
    }
    if (env.containsKey("DEBEMAIL")) {
      email = env.get("DEBEMAIL");
    } else if (!gitFailed) {
      email = gitConfig.apply("user.email").orElse(email);
    }
    return new ChangelogAuthor(name, email);
  }

  /**
   * Runs {@code git config --get KEY} in the current directory, as upstream does.
   *
   * @return the value without trailing whitespace; empty if git is missing, fails or times out (10 s)
   */
  public static Optional<String> gitConfig(String key) {
    try {
      Process p = new ProcessBuilder("git", "config", "--get", key)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8).stripTrailing()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * @param clock the time and zone to use
   * @return e.g. {@code Sun,  5 Nov 2026 02:13:29 +0000}
   */
  public static String date(Clock clock) {
    return DATE.format(ZonedDateTime.now(clock));
  }
}
