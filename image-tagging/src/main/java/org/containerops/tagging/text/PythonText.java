package org.containerops.tagging.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Python {@code str} whitespace semantics, the one definition every strip, rstrip, split and splitlines of
 * upstream's code ({@code tagging/utils/docker_runner.py:51}, {@code tagging/utils/git_helper.py:12,20},
 * {@code tagging/utils/quoted_output.py:16-18}, {@code tagging/taggers/versions.py},
 * {@code tagging/apps/merge_tags.py:34}) is ported with. Java's {@code String.strip()},
 * {@code stripTrailing()}, {@code split("\\s+")} and {@code lines()} use other sets: {@code strip()} keeps
 * U+00A0, U+0085, U+2007 and U+202F, which Python removes; {@code lines()} does not break at U+000B, U+000C,
 * U+001C..U+001E, U+0085, U+2028, U+2029, which Python's {@code splitlines()} does.
 */
public final class PythonText {
  private PythonText() {}

  /**
   * Python's {@code str.isspace()} for one code point (CPython {@code _PyUnicode_IsWhitespace}: bidirectional
   * class WS, B or S, or general category Zs; Unicode 14, Python 3.11): U+0009..U+000D, U+001C..U+001F,
   * U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. Not U+200B,
   * U+FEFF nor U+180E (format characters).
   */
  public static boolean isSpace(int cp) {
    return (cp >= '\t' && cp <= '\r') || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f
        || cp == 0x3000;
  }

  /** Python's {@code s.strip()}: leading and trailing {@link #isSpace} characters removed. */
  public static String strip(String s) {
    return rstrip(lstrip(s));
  }

  /** Python's {@code s.lstrip()}. */
  public static String lstrip(String s) {
    int start = 0;
    while (start < s.length() && isSpace(s.charAt(start))) {
      start++;
    }
    return s.substring(start);
  }

  /** Python's {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Python's {@code s.split()}: runs of whitespace separate words; no empty words; empty for a blank string. */
  public static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && isSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && !isSpace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(s.substring(start, i));
      }
    }
    return words;
  }

  /**
   * Python's {@code s.splitlines()} (no {@code keepends}): breaks at U+000A..U+000D, U+001C..U+001E, U+0085,
   * U+2028, U+2029 and at {@code \r\n} as one break; no empty last line for a trailing break; empty for "".
   */
  public static List<String> splitlines(String s) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isLineBreak(c)) {
        lines.add(s.substring(start, i));
        i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < s.length()) {
      lines.add(s.substring(start));
    }
    return lines;
  }

  /** A line boundary of Python's {@code str.splitlines()}. */
  public static boolean isLineBreak(int cp) {
    return (cp >= '\n' && cp <= '\r') || (cp >= 0x1c && cp <= 0x1e) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  /** Python's {@code s.strip(ch)} for one character. */
  public static String strip(String s, char ch) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ch) {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ch) {
      end--;
    }
    return s.substring(start, end);
  }
}
