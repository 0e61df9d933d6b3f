package org.containerops.feedstock.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * rattler-build's {@code match(value, spec)} for recipe selectors: does a variant's version (e.g.
 * {@code 3.11.* *_cpython}, whose first word counts, a trailing {@code .*} dropped) satisfy a conda
 * version spec such as {@code >=3.10}, {@code >=3.8,<3.12}, {@code 3.11.*}, {@code 3.10|3.12},
 * {@code !=3.9}, {@code ~=3.10} or {@code ==3.11}? A bare version is an exact match and {@code =V}
 * a prefix match (conda's MatchSpec). Versions compare segment by segment, numbers numerically,
 * missing segments as {@code 0}, other text lexically (conda's {@code VersionOrder} is finer for
 * pre-releases; for variant values like {@code 3.11} or {@code 1.26} it gives the same answer).
 */
final class VersionMatch {
  private VersionMatch() {}

  /**
   * @param value the variant value; {@code null} or blank never matches (an unset variant)
   * @param spec the version spec
   * @throws IllegalArgumentException for an empty spec, naming it
   */
  static boolean matches(Object value, String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("match: empty version spec '" + spec + "'");
    }
    if (value == null || String.valueOf(value).isBlank()) {
      return false;
    }
    String version = String.valueOf(value).strip().split("\\s+")[0];
    if (version.endsWith(".*")) {
      version = version.substring(0, version.length() - 2);
    } else if (version.endsWith("*")) {
      version = version.substring(0, version.length() - 1);
    }
    for (String alternative : spec.replace(" ", "").split("\\|")) {
      boolean all = true;
      for (String part : alternative.split(",")) {
        all &= !part.isEmpty() && one(version, part);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean one(String version, String constraint) {
    for (String op : new String[] {">=", "<=", "==", "!=", "~=", ">", "<", "="}) {
      if (constraint.startsWith(op)) {
        String v = constraint.substring(op.length());
        int c = compare(version, stripStar(v));
        return switch (op) {
          case ">=" -> c >= 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          case "<" -> c < 0;
          case "!=" -> v.endsWith("*") ? !prefix(version, stripStar(v)) : c != 0;
          case "~=" -> c >= 0 && prefix(version, dropLast(stripStar(v)));
          case "=" -> prefix(version, stripStar(v));
          default -> v.endsWith("*") ? prefix(version, stripStar(v)) : c == 0;  // ==
        };
      }
    }
    return constraint.endsWith("*") ? prefix(version, stripStar(constraint)) : compare(version, constraint) == 0;
  }

  private static String stripStar(String v) {
    String s = v;
    while (s.endsWith("*") || s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String dropLast(String v) {
    int dot = v.lastIndexOf('.');
    return dot < 0 ? v : v.substring(0, dot);
  }

  /** {@code 3.11.2} starts with {@code 3.11} segment-wise ({@code 3.1} does not start {@code 3.11}). */
  private static boolean prefix(String version, String start) {
    List<String> v = segments(version);
    List<String> p = segments(start);
    if (p.size() > v.size()) {
      return false;
    }
    for (int i = 0; i < p.size(); i++) {
      if (compareSegment(v.get(i), p.get(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  static int compare(String a, String b) {
    List<String> x = segments(a);
    List<String> y = segments(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      int c = compareSegment(i < x.size() ? x.get(i) : "0", i < y.size() ? y.get(i) : "0");
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareSegment(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
    boolean nb = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
    if (na && nb) {
      return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }
    if (na != nb) {
      return na ? 1 : -1;  // a number sorts after text (1.0 > 1.0rc)
    }
    return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
  }

  private static List<String> segments(String v) {
    List<String> out = new ArrayList<>();
    for (String s : v.split("[._-]")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
