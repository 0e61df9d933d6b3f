package org.containerops.runtime.secret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@value #MASK} in text that reaches logs and error messages.
 *
 * <p>Masked: every value given explicitly; the value of every environment variable whose name looks
 * sensitive ({@link #isSensitiveName}); the password part of URLs ({@code scheme://user:pass@host}),
 * e.g. proxies. Values shorter than {@value #MIN_LENGTH} characters are not masked on their own (they
 * would mask ordinary text) but still mask as {@code NAME=value} arguments. Immutable and thread-safe.
 */
public final class SecretMask {
  /** The replacement text. */
  public static final String MASK = "****";
  /** Shortest value masked wherever it appears. */
  public static final int MIN_LENGTH = 4;

  private static final Pattern SENSITIVE_NAME = Pattern.compile(
      "(?i).*(pass|secret|token|key|credential|auth|cookie|session|private).*");
  /**
   * {@code scheme://user:password@}. The scheme starts where a run of scheme characters starts and is
   * matched possessively: linear time on long lines without spaces (a floods' stderr line of 4000 letters
   * took about 200 ms with a backtracking scheme).
   */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*+://[^/\\s:@]++:)([^@\\s/]++)@");

  private static final SecretMask NONE = new SecretMask(List.of(), List.of());

  private final List<String> values;
  private final List<String> names;

  private SecretMask(List<String> values, List<String> names) {
    this.values = values;
    this.names = names;
  }

  /** A mask that only hides URL passwords. */
  public static SecretMask none() {
    return NONE;
  }

  /**
   * A mask for the given secrets plus the sensitive entries of {@code env}.
   *
   * @param secrets values to hide wherever they appear
   * @param env environment variables; values of sensitive names are hidden
   */
  public static SecretMask of(Collection<String> secrets, Map<String, String> env) {
    List<String> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        values.add(s);
      }
    }
    env.forEach((name, value) -> {
      if (isSensitiveName(name) && value != null && !value.isEmpty()) {
        values.add(value);
        names.add(name);
      }
    });
    values.sort(Comparator.comparingInt(String::length).reversed()); // longest first
    return new SecretMask(List.copyOf(values), List.copyOf(names));
  }

  /** True for names such as {@code GH_TOKEN}, {@code ORAS_PASS}, {@code AWS_SECRET_ACCESS_KEY}. */
  public static boolean isSensitiveName(String name) {
    return SENSITIVE_NAME.matcher(name).matches();
  }

  /** Returns {@code text} with every secret replaced by {@value #MASK}; null stays null. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String v : values) {
      if (v.length() >= MIN_LENGTH) {
        out = out.replace(v, MASK);
      }
    }
    for (String n : names) {
      out = Pattern.compile(Pattern.quote(n) + "=\\S+").matcher(out).replaceAll(Matcher.quoteReplacement(n + "=" + MASK));
    }
    if (!out.contains("://")) {
      return out;
    }
    return URL_PASSWORD.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
  }

  /** Masks each element. */
  public List<String> mask(List<String> texts) {
    List<String> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(mask(t));
    }
    return List.copyOf(out);
  }
}
