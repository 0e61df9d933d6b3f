package org.containerops.tagging.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Python {@code str} whitespace semantics that upstream's parsing relies on: {@code isspace()},
 * {@code rstrip()} and {@code split()} without arguments. Java's {@code stripTrailing()} and
 * {@code split("\\s+")} use other whitespace sets (e.g. they keep {@code \u00a0} and {@code \u0085}).
 */
public final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace()} for one character (bidi WS/B/S or category Zs). */
  public static boolean isSpace(char c) {
    return (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f') || c == ' ' || c == '\u0085'
        || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029'
        || c == '\u202f' || c == '\u205f' || c == '\u3000';
  }

  /** Python's {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Python's {@code s.split()}: runs of whitespace separate words; no empty words. */
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
