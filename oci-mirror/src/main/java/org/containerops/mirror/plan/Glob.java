package org.containerops.mirror.plan;

import java.util.regex.Pattern;

/**
 * A Python {@code fnmatch} pattern ({@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}), matched
 * case-sensitively against the whole name, as upstream's {@code --package} filter ({@code repo.py:345-347}).
 */
public final class Glob {
  private final String text;
  private final Pattern pattern;

  private Glob(String text) {
    this.text = text;
    this.pattern = Pattern.compile(toRegex(text));
  }

  /** Compiles a glob; never throws (an unclosed {@code [} is a literal). */
  public static Glob of(String glob) {
    return new Glob(glob);
  }

  /** True when the whole {@code name} matches. */
  public boolean matches(String name) {
    return pattern.matcher(name).matches();
  }

  private static String toRegex(String g) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*') {
        r.append(".*");
      } else if (c == '?') {
        r.append('.');
      } else if (c == '[') {
        int end = g.indexOf(']', i + 2);
        if (end < 0) {
          r.append("\\[");
        } else {
          String set = g.substring(i + 1, end);
          boolean neg = set.startsWith("!");
          r.append('[').append(neg ? "^" : "").append(set.substring(neg ? 1 : 0).replace("\\", "\\\\")
              .replace("[", "\\[")).append(']');
          i = end;
        }
      } else {
        r.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return r.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
