package org.containerops.dockerpkg.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-pass that makes jinjava read a template the way Jinja2 does (see
 * shared/reference/jinjava.md "Mismatches"):
 *
 * <ol>
 *   <li>CRLF and CR become LF, and one final newline is dropped (Jinja2's
 *       {@code keep_trailing_newline=False} strips it from the source, not the output);
 *   <li>string literals inside {@code {{ }}} and {@code {% %}} are decoded like Python's
 *       unicode-escape: backslash-newline vanishes, {@code \x41 \u0041 \U00000041 \101 \a \v
 *       \N{NAME}} become their characters, unknown escapes keep their backslash. jinjava only
 *       understands {@code \\ \' \" \n \t \r \b \f}, so the result is re-escaped for it. Each
 *       dropped newline is put back right after the literal, so line numbers stay right.
 * </ol>
 *
 * Comments and {@code {% raw %}} blocks are copied untouched.
 */
public final class TemplateSource {
  private static final Pattern RAW_END = Pattern.compile("\\{%-?\\s*endraw\\s*-?%\\}");
  private static final Pattern RAW_START = Pattern.compile("\\{%-?\\s*raw\\s*-?%\\}");

  private TemplateSource() {}

  /** @return the template text jinjava should see */
  public static String prepare(String source) {
    String text = source.replace("\r\n", "\n").replace('\r', '\n');
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (!text.startsWith("{#", i) && !text.startsWith("{%", i) && !text.startsWith("{{", i)) {
        out.append(text.charAt(i++));
        continue;
      }
      Matcher raw = RAW_START.matcher(text).region(i, text.length());
      if (raw.lookingAt()) {
        Matcher end = RAW_END.matcher(text);
        int stop = end.find(raw.end()) ? end.end() : text.length();
        out.append(text, i, stop);
        i = stop;
        continue;
      }
      StringBuilder tag = new StringBuilder();
      if (text.startsWith("{#", i)) {
        int end = text.indexOf("#}", i + 2);
        end = end < 0 ? text.length() : end + 2;
        tag.append(text, i, end);
        i = end;
      } else {
        i = copyTag(text, i, tag);
      }
      i = applyWhitespaceControl(text, i, tag, out);
      out.append(tag);
    }
    return out.toString();
  }

  /**
   * Does Jinja2's {@code {{-}}/{@code -}}} stripping here, since jinjava does it only for
   * statements: {@code {{- x }}} drops the whitespace before the tag, {@code {{ x -}}} the
   * whitespace after it. Dropped newlines move inside the tag, where they mean nothing, so line
   * numbers stay right.
   *
   * @return the index in {@code text} after the skipped whitespace
   */
  private static int applyWhitespaceControl(String text, int i, StringBuilder tag, StringBuilder out) {
    if (tag.length() >= 5 && tag.charAt(2) == '-') {
      int keep = out.length();
      while (keep > 0 && Character.isWhitespace(out.charAt(keep - 1))) {
        keep--;
      }
      tag.insert(3, newlines(out, keep, out.length()));
      out.setLength(keep);
    }
    int n = tag.length();
    if (n >= 5 && tag.charAt(n - 3) == '-' && (tag.charAt(n - 1) == '}')) {
      int skip = i;
      while (skip < text.length() && Character.isWhitespace(text.charAt(skip))) {
        skip++;
      }
      tag.insert(n - 3, newlines(text, i, skip));
      return skip;
    }
    return i;
  }

  private static String newlines(CharSequence s, int from, int to) {
    return "\n".repeat((int) s.subSequence(from, to).chars().filter(c -> c == '\n').count());
  }

  /** Copies the tag starting at {@code start}, rewriting its string literals; returns the index after it. */
  private static int copyTag(String text, int start, StringBuilder out) {
    String close = text.charAt(start + 1) == '%' ? "%}" : "}}";
    out.append(text, start, start + 2);
    int i = start + 2;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = copyLiteral(text, i, out);
      } else if (text.startsWith(close, i)) {
        out.append(close);
        return i + 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return i;
  }

  private static int copyLiteral(String text, int start, StringBuilder out) {
    char quote = text.charAt(start);
    out.append(quote);
    int droppedNewlines = 0;
    int i = start + 1;
    while (i < text.length() && text.charAt(i) != quote) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char e = text.charAt(i + 1);
      i += 2;
      switch (e) {
        case '\n' -> droppedNewlines++;
        case '\\', '\'', '"', 'n', 't', 'r', 'b', 'f' -> out.append('\\').append(e);
        case 'a' -> out.append('\u0007');
        case 'v' -> out.append('\u000b');
        case 'x' -> i = appendHex(text, i, 2, e, out);
        case 'u' -> i = appendHex(text, i, 4, e, out);
        case 'U' -> i = appendHex(text, i, 8, e, out);
        case 'N' -> i = appendNamed(text, i, out);
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i - 1;
            while (end < text.length() && end < i + 2 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
              end++;
            }
            appendCodePoint(Integer.parseInt(text.substring(i - 1, end), 8), out);
            i = end;
          } else {
            out.append("\\\\").append(e);  // Python keeps the backslash of an unknown escape
          }
        }
      }
    }
    if (i < text.length()) {
      out.append(quote);
      i++;
    }
    out.append("\n".repeat(droppedNewlines));
    return i;
  }

  private static int appendHex(String text, int i, int digits, char kind, StringBuilder out) {
    if (i + digits <= text.length() && text.substring(i, i + digits).matches("[0-9a-fA-F]+")) {
      appendCodePoint(Integer.parseUnsignedInt(text.substring(i, i + digits), 16), out);
      return i + digits;
    }
    out.append("\\\\").append(kind);  // malformed: Jinja2 would fail; keep the text visible
    return i;
  }

  private static int appendNamed(String text, int i, StringBuilder out) {
    int end = text.indexOf('}', i);
    if (i < text.length() && text.charAt(i) == '{' && end > i) {
      try {
        appendCodePoint(Character.codePointOf(text.substring(i + 1, end)), out);
        return end + 1;
      } catch (IllegalArgumentException unknownName) {
        // fall through: keep the text
      }
    }
    out.append("\\\\N");
    return i;
  }

  /** Appends a decoded character so that jinjava's literal scanner reads it back unchanged. */
  private static void appendCodePoint(int cp, StringBuilder out) {
    switch (cp) {
      case '\\' -> out.append("\\\\");
      case '\'' -> out.append("\\'");
      case '"' -> out.append("\\\"");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> out.appendCodePoint(cp);
    }
  }
}
