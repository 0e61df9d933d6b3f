package org.containerops.runtime.paths;

/**
 * A name or path from the network or from a tree that would be written or read outside the root it
 * belongs to, or that is not a name of the expected grammar. Its message names the input (as given),
 * the root and the reason; it never carries file contents.
 */
public final class UnsafePathException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String input;

  /**
   * @param input the name or path exactly as given (shown in the message with control characters escaped)
   * @param message what was refused and why
   */
  public UnsafePathException(String input, String message) {
    super(message);
    this.input = input;
  }

  /** The refused name or path exactly as it was given. */
  public String input() {
    return input;
  }

  /** {@code s} with control characters (NUL, newlines…) shown as {@code \\uXXXX}, quoted. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
    s.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.append('\'').toString();
  }
}
