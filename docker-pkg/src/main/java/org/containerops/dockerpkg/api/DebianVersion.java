package org.containerops.dockerpkg.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]}, parsed like python-debian's
 * {@code BaseVersion} (the upstream part may start with a letter, as {@code v20220915-3} in the
 * corpus does) and ordered like dpkg's {@code verrevcmp} ({@code ~} before everything, letters
 * before other characters, digit runs compared as numbers).
 *
 * @param epoch the epoch, 0 when absent
 * @param upstream the upstream version, never empty
 * @param revision the Debian revision, {@code ""} when absent
 */
public record DebianVersion(long epoch, String upstream, String revision) implements Comparable<DebianVersion> {
  private static final Pattern VALID = Pattern.compile(
      "^(?:(\\d+):)?([A-Za-z0-9.+:~-]+?)(?:-([A-Za-z0-9+.~]+))?$");

  public DebianVersion {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(revision, "revision");
    if (upstream.isEmpty()) {
      throw new IllegalArgumentException("upstream: must not be empty");
    }
  }

  /**
   * @param text a version such as {@code 1:2.0~rc1-3}
   * @return the parsed version
   * @throws IllegalArgumentException naming the text if it is not a valid Debian version
   */
  public static DebianVersion parse(String text) {
    Matcher m = VALID.matcher(Objects.requireNonNull(text, "text"));
    if (!m.matches()) {
      throw new IllegalArgumentException("version: '" + text + "' is not a valid Debian version");
    }
    long epoch = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    return new DebianVersion(epoch, m.group(2), m.group(3) == null ? "" : m.group(3));
  }

  /** @return whether {@code text} parses as a Debian version */
  public static boolean isValid(String text) {
    return text != null && VALID.matcher(text).matches();
  }

  @Override
  public int compareTo(DebianVersion o) {
    int c = Long.compare(epoch, o.epoch);
    if (c == 0) {
      c = compareParts(upstream, o.upstream);
    }
    return c != 0 ? c : compareParts(revision, o.revision);
  }

  /** The version as written: epoch only if non-zero, revision only if present. */
  @Override
  public String toString() {
    return (epoch != 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
  }

  /** dpkg's verrevcmp over one part. */
  static int compareParts(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return Integer.compare(ac, bc);
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int firstDiff = 0;
      while (i < a.length() && j < b.length() && isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = Integer.compare(a.charAt(i), b.charAt(j));
        }
        i++;
        j++;
      }
      if (i < a.length() && isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return firstDiff;
      }
    }
    return 0;
  }

  private static int order(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (isDigit(c)) {
      return 0;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return c;
    }
    return c == '~' ? -1 : c + 256;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
