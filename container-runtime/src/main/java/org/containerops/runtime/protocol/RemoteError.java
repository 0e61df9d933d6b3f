package org.containerops.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The error a container reported in its JSON reply, split as upstream's host does.
 *
 * <p>Upstream {@code conda_forge_feedstock_ops/container_utils.py:192-239}: the {@code error} string is
 * Python's {@code repr(exc)}. If it contains {@code (} and {@code )}, the name is the text before the
 * first {@code (} and the message the text between the first {@code (} and the last {@code )}; else if
 * it contains {@code :}, name and message are split at the first {@code :}; otherwise the name is
 * {@code <could not be parsed>} (upstream drops the closing {@code >}; we keep it) and the message is the
 * raw text. Both parts are unescaped ({@link PythonStringLiteral#unescape}). As a fix over upstream, the
 * single pair of quotes that {@code repr} puts around a one-string message is removed.
 *
 * @param name exception type name, e.g. {@code RuntimeError}; never null
 * @param message the message; never null, may be empty
 * @param traceback the container's traceback text, or null when the reply had none
 */
public record RemoteError(String name, String message, String traceback) {
  /** Name used when the error text has no recognisable shape. */
  public static final String UNPARSED = "<could not be parsed>";

  /**
   * Reads {@code error} and {@code traceback} from a reply object.
   *
   * @param error the reply's non-null {@code error} value (a string from upstream images; any other
   *     JSON value is kept as its JSON text)
   * @param traceback the reply's {@code traceback} value, or null/missing
   */
  public static RemoteError of(JsonNode error, JsonNode traceback) {
    String tb = traceback == null || traceback.isNull() || traceback.isMissingNode()
        ? null
        : PythonStringLiteral.unescape(traceback.isTextual() ? traceback.textValue() : traceback.toString());
    if (!error.isTextual()) {
      return new RemoteError(UNPARSED, error.toString(), tb);
    }
    return parse(error.textValue(), tb);
  }

  /** Splits an error string as upstream does; see the type's description. */
  public static RemoteError parse(String error, String traceback) {
    int open = error.indexOf('(');
    int close = error.lastIndexOf(')');
    if (open >= 0 && close > open) {
      String name = error.substring(0, open).strip();
      String inner = error.substring(open + 1, close);
      return new RemoteError(PythonStringLiteral.unescape(name), unquote(inner), traceback);
    }
    int colon = error.indexOf(':');
    if (colon >= 0) {
      return new RemoteError(
          PythonStringLiteral.unescape(error.substring(0, colon).strip()),
          PythonStringLiteral.unescape(error.substring(colon + 1).strip()),
          traceback);
    }
    return new RemoteError(UNPARSED, PythonStringLiteral.unescape(error), traceback);
  }

  /** Formats an exception as Python's {@code repr(exc)} would: {@code Name('message')}. */
  public static String repr(String name, String message) {
    return name + "(" + PythonStringLiteral.repr(message == null ? "" : message) + ")";
  }

  private static String unquote(String inner) {
    String s = inner.strip();
    if (s.length() >= 2) {
      char q = s.charAt(0);
      if ((q == '\'' || q == '"') && s.charAt(s.length() - 1) == q && isSingleLiteral(s, q)) {
        return PythonStringLiteral.unescape(s.substring(1, s.length() - 1));
      }
    }
    return PythonStringLiteral.unescape(inner);
  }

  /** True when {@code s} is exactly one quoted literal: no unescaped quote inside. */
  private static boolean isSingleLiteral(String s, char quote) {
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return false;
      }
    }
    return true;
  }

  /** One line: {@code name: first line of message}. */
  public String summary() {
    String first = message.lines().findFirst().orElse("");
    return first.isEmpty() ? name : name + ": " + first;
  }
}
