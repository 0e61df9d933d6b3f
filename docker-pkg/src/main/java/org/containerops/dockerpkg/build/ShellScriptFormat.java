package org.containerops.dockerpkg.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Formats {@code {path}}/{@code {image}} into a {@code verify_args} element that a shell will parse
 * (the script after {@code -c}), quoting each value for the place it lands in, so the shell sees
 * exactly the value as data (issue 17 §5; upstream image.py:224-268 formatted it in unquoted, so a
 * directory named {@code x$(touch PWNED)y} ran {@code touch} on the host and a space broke
 * verification):
 *
 * <ul>
 *   <li>outside quotes: {@code 'value'}, each {@code '} written as {@code '\''};
 *   <li>inside single quotes: the value with each {@code '} written as {@code '\''};
 *   <li>inside double quotes: the value with {@code \ " $ `} backslash-escaped.
 * </ul>
 *
 * Braces follow Python's {@code str.format} ({@code {{}}/{@code }}} are literal braces) as
 * {@link Verification#format}. Elements that are not shell scripts are plain argv entries and get
 * the values verbatim.
 */
final class ShellScriptFormat {
  /** Command names (basenames) whose {@code -c} argument is a shell script. */
  private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "busybox");

  private ShellScriptFormat() {}

  /**
   * @param command {@code verify_command}
   * @param args {@code verify_args}
   * @return the index in {@code args} of the shell script ({@code -c}'s argument after a shell
   *     command, the command itself or an earlier argument), or -1 when there is none
   */
  static int scriptIndex(String command, List<String> args) {
    boolean shell = isShell(command);
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (shell && a.startsWith("-") && !a.startsWith("--") && a.indexOf('c') > 0 && i + 1 < args.size()) {
        return i + 1;
      }
      shell = shell || isShell(a);
    }
    return -1;
  }

  private static boolean isShell(String word) {
    Path name = word.isEmpty() ? null : Path.of(word).getFileName();
    return name != null && SHELLS.contains(name.toString());
  }

  /**
   * @return {@code script} with every {@code {field}} replaced by its value quoted for its context
   * @throws IllegalArgumentException for an unknown field or a lone brace, naming the text
   */
  static String format(String script, Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    char quote = 0;  // 0, '\'' or '"'
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (c == '{' && i + 1 < script.length() && script.charAt(i + 1) == '{') {
        out.append('{');
        i++;
      } else if (c == '}' && i + 1 < script.length() && script.charAt(i + 1) == '}') {
        out.append('}');
        i++;
      } else if (c == '{') {
        int end = script.indexOf('}', i);
        String value = end < 0 ? null : fields.get(script.substring(i + 1, end));
        if (value == null) {
          throw new IllegalArgumentException("unknown placeholder in \"" + script + "\" (known: {path}, {image}; "
              + "write {{ and }} for braces)");
        }
        out.append(quoted(value, quote));
        i = end;
      } else if (c == '}') {
        throw new IllegalArgumentException("single '}' in \"" + script + "\" (write }} for a brace)");
      } else {
        out.append(c);
        if (c == '\\' && quote != '\'' && i + 1 < script.length() && script.charAt(i + 1) != '{'
            && script.charAt(i + 1) != '}') {
          out.append(script.charAt(++i));  // an escaped character never opens or closes a quote
        } else if (quote == 0 && (c == '\'' || c == '"')) {
          quote = c;
        } else if (c == quote) {
          quote = 0;
        }
      }
    }
    return out.toString();
  }

  /** {@code value} as data for a shell, in the quoting context {@code quote} (0, {@code '} or {@code "}). */
  static String quoted(String value, char quote) {
    return switch (quote) {
      case '\'' -> value.replace("'", "'\\''");
      case '"' -> value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
      default -> "'" + value.replace("'", "'\\''") + "'";
    };
  }
}
