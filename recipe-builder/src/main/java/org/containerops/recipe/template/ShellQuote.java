package org.containerops.recipe.template;

import java.util.List;
import java.util.regex.Pattern;

/** Quotes words for bash as Python's {@code shlex.quote} does (upstream quotes config paths so). */
public final class ShellQuote {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellQuote() {}

  /** One word: unchanged when safe, else in single quotes with {@code '} written {@code '"'"'}. */
  public static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }

  /** The words quoted and joined with single spaces. */
  public static String join(List<String> words) {
    return String.join(" ", words.stream().map(ShellQuote::quote).toList());
  }
}
