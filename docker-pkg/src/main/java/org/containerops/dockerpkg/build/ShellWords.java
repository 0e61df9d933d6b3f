package org.containerops.dockerpkg.build;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code shlex.split} in POSIX mode, as upstream image.py:224-268 uses it to find the
 * {@code {path}} parts of {@code verify_args}: whitespace separates words; single quotes keep
 * everything; double quotes keep everything but {@code \"}, {@code \\}, {@code \$}, {@code \`};
 * a backslash outside quotes escapes the next character.
 */
final class ShellWords {
  private ShellWords() {}

  /** @throws IllegalArgumentException for an unclosed quote or a trailing backslash */
  static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("No closing quotation in: " + s);
        }
        w.append(s, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          char d = s.charAt(i);
          if (d == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
            d = s.charAt(++i);
          }
          w.append(d);
          i++;
        }
        if (i >= s.length()) {
          throw new IllegalArgumentException("No closing quotation in: " + s);
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= s.length()) {
          throw new IllegalArgumentException("No escaped character in: " + s);
        }
        w.append(s.charAt(++i));
        inWord = true;
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
