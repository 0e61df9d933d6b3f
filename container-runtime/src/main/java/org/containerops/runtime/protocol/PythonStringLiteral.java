package org.containerops.runtime.protocol;

/**
 * Python string-literal text as the protocol's {@code error} field carries it.
 *
 * <p>Upstream's container side writes {@code repr(exc)}, e.g. {@code RuntimeError('a\nb')}, and the
 * host decodes the parts with {@code raw_unicode_escape} then {@code unicode_escape}
 * ({@code conda_forge_feedstock_ops/container_utils.py:192-239}). {@link #repr(String)} produces the
 * quoted form Python's {@code repr(str)} gives; {@link #unescape(String)} undoes backslash escapes.
 */
public final class PythonStringLiteral {
  private PythonStringLiteral() {}

  /**
   * Quotes text as Python's {@code repr(str)}: single quotes unless the text contains {@code '} and no
   * {@code "}; backslash, the quote, {@code \n \r \t} and other control characters escaped.
   */
  public static String repr(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (cp == quote) {
            out.append('\\').append(quote);
          } else if (cp < 0x20 || cp == 0x7f) {
            out.append(String.format("\\x%02x", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    });
    return out.append(quote).toString();
  }

  /**
   * Decodes Python backslash escapes: {@code \\ \' \" \n \r \t \a \b \f \v \0-\777 \xNN \\uNNNN
   * \UNNNNNNNN}; an unknown or truncated escape is kept as written (as Python does for unknown ones).
   */
  public static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char e = text.charAt(i + 1);
      int consumed = 2;
      switch (e) {
        case '\\' -> out.append('\\');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case '\n' -> { } // line continuation
        case 'x' -> consumed = hex(text, i, 2, out);
        case 'u' -> consumed = hex(text, i, 4, out);
        case 'U' -> consumed = hex(text, i, 8, out);
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i + 1;
            while (end < text.length() && end < i + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
              end++;
            }
            out.appendCodePoint(Integer.parseInt(text.substring(i + 1, end), 8));
            consumed = end - i;
          } else {
            out.append('\\').append(e);
          }
        }
      }
      i += consumed;
    }
    return out.toString();
  }

  private static int hex(String text, int at, int digits, StringBuilder out) {
    int start = at + 2;
    int end = start + digits;
    if (end > text.length()) {
      out.append(text, at, at + 2);
      return 2;
    }
    try {
      int cp = Integer.parseInt(text.substring(start, end), 16);
      if (!Character.isValidCodePoint(cp)) {
        out.append(text, at, end);
      } else {
        out.appendCodePoint(cp);
      }
    } catch (NumberFormatException notHex) {
      out.append(text, at, at + 2);
      return 2;
    }
    return 2 + digits;
  }
}
