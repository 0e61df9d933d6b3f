package org.containerops.dockerpkg.select;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Python {@code fnmatch} pattern (upstream builder.py:244-248 matches {@code --select} against
 * the full label {@code registry/ns/name:tag}): {@code *} matches any text <em>including</em>
 * {@code /}, {@code ?} one character, {@code [seq]} and {@code [!seq]} a character class; a
 * {@code [} without a closing {@code ]} is literal. Case-sensitive, as on Linux. Java's
 * {@code PathMatcher} globs differ ({@code *} stops at {@code /}), hence this class.
 *
 * @param pattern the pattern as given
 */
public record Glob(String pattern) {
  public Glob {
    Objects.requireNonNull(pattern, "pattern");
  }

  /** @return whether the whole {@code text} matches */
  public boolean matches(String text) {
    return regex().matcher(text).matches();
  }

  /** @return the equivalent regular expression, Python's {@code fnmatch.translate} */
  public Pattern regex() {
    StringBuilder re = new StringBuilder();
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i++);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && pattern.charAt(j) == '!') {
          j++;
        }
        if (j < n && pattern.charAt(j) == ']') {
          j++;
        }
        while (j < n && pattern.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          re.append("\\[");
        } else {
          String set = pattern.substring(i, j);
          i = j + 1;
          re.append('[');
          if (set.startsWith("!")) {
            re.append('^');
            set = set.substring(1);
          } else if (set.startsWith("^")) {
            re.append("\\");
          }
          re.append(set.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "&\\&"));
          re.append(']');
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
