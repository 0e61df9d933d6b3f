package org.containerops.dockerpkg.cli;

import java.time.LocalDateTime;

/**
 * The subset of Python's {@code strftime} that nightly tags use (upstream cli.py:186-193,
 * {@code NIGHTLY_BUILD_FORMAT}): {@code %Y %m %d %H %M %S %%}; other characters are literal, so
 * {@code prune --nightly 20190503} keeps {@code version-20190503}.
 */
final class Strftime {
  private Strftime() {}

  /** @throws IllegalArgumentException for another {@code %} directive */
  static String format(String pattern, LocalDateTime t) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%' || i + 1 == pattern.length()) {
        b.append(c);
        continue;
      }
      char d = pattern.charAt(++i);
      switch (d) {
        case 'Y' -> b.append(String.format("%04d", t.getYear()));
        case 'm' -> b.append(String.format("%02d", t.getMonthValue()));
        case 'd' -> b.append(String.format("%02d", t.getDayOfMonth()));
        case 'H' -> b.append(String.format("%02d", t.getHour()));
        case 'M' -> b.append(String.format("%02d", t.getMinute()));
        case 'S' -> b.append(String.format("%02d", t.getSecond()));
        case '%' -> b.append('%');
        default -> throw new IllegalArgumentException("unsupported strftime directive %" + d + " in " + pattern);
      }
    }
    return b.toString();
  }
}
