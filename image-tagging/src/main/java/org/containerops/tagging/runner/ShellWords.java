package org.containerops.tagging.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into argv exactly like Python's POSIX {@code shlex.split(s)} (comments off),
 * which docker-py applies to a string {@code exec_run} command: single quotes are literal, double quotes
 * honour {@code \"} and {@code \\} only, a backslash outside quotes escapes the next character, quoted and
 * unquoted parts of one word join, {@code ''} is an empty word. No variables, globs or operators.
 */
public final class ShellWords {
  private ShellWords() {}

  /**
   * @return the words, in order; empty for a blank line
   * @throws IllegalArgumentException {@code No closing quotation} or {@code No escaped character}, as shlex
   */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (c == '\'') {
        int end = line.indexOf('\'', i);
        if (end < 0) {
          throw new IllegalArgumentException("No closing quotation in: " + line);
        }
        word.append(line, i, end);
        i = end + 1;
        inWord = true;
      } else if (c == '"') {
        inWord = true;
        boolean closed = false;
        while (i < line.length()) {
          char d = line.charAt(i++);
          if (d == '"') {
            closed = true;
            break;
          }
          if (d == '\\') {
            if (i >= line.length()) {
              break;
            }
            char e = line.charAt(i++);
            if (e != '"' && e != '\\') {
              word.append('\\');
            }
            word.append(e);
          } else {
            word.append(d);
          }
        }
        if (!closed) {
          throw new IllegalArgumentException("No closing quotation in: " + line);
        }
      } else if (c == '\\') {
        if (i >= line.length()) {
          throw new IllegalArgumentException("No escaped character in: " + line);
        }
        word.append(line.charAt(i++));
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
