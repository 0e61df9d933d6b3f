package org.containerops.recipe.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conda-build line selector ({@code # [linux and not aarch64]}) evaluated for a Linux build of one
 * subdir: identifiers {@code linux}, {@code unix} (true), {@code osx}, {@code win} (false),
 * {@code x86_64}, {@code linux64}, {@code aarch64}, {@code ppc64le} (by subdir), with {@code not},
 * {@code and}, {@code or} and parentheses. Anything else (comparisons, {@code py}, unknown names)
 * makes the result unknown.
 */
final class Selector {
  private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[A-Za-z_][\\w-]*|\\S+)");

  private final List<String> tokens;
  private final Map<String, Boolean> names;
  private int pos;

  private Selector(List<String> tokens, Map<String, Boolean> names) {
    this.tokens = tokens;
    this.names = names;
  }

  /** @return true or false, or null when the selector uses something not known here */
  static Boolean evaluate(String selector, String subdir) {
    Map<String, Boolean> names = Map.of("linux", true, "unix", true, "osx", false, "win", false,
        "x86_64", subdir.equals("linux-64"), "linux64", subdir.equals("linux-64"),
        "aarch64", subdir.equals("linux-aarch64"), "ppc64le", subdir.equals("linux-ppc64le"),
        "x86", subdir.equals("linux-64") || subdir.equals("linux-32"));
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(selector);
    while (m.find()) {
      tokens.add(m.group(1));
    }
    Selector s = new Selector(tokens, names);
    try {
      boolean v = s.or();
      return s.pos == tokens.size() ? v : null;
    } catch (IllegalStateException e) {
      return null;
    }
  }

  private boolean or() {
    boolean v = and();
    while (peek("or")) {
      pos++;
      v = and() | v;
    }
    return v;
  }

  private boolean and() {
    boolean v = not();
    while (peek("and")) {
      pos++;
      v = not() & v;
    }
    return v;
  }

  private boolean not() {
    if (peek("not")) {
      pos++;
      return !not();
    }
    if (peek("(")) {
      pos++;
      boolean v = or();
      if (!peek(")")) {
        throw new IllegalStateException();
      }
      pos++;
      return v;
    }
    if (pos >= tokens.size() || !names.containsKey(tokens.get(pos))) {
      throw new IllegalStateException();
    }
    return names.get(tokens.get(pos++));
  }

  private boolean peek(String t) {
    return pos < tokens.size() && tokens.get(pos).equals(t);
  }
}
