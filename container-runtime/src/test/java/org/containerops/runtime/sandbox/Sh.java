package org.containerops.runtime.sandbox;

import java.util.List;

/** Test commands: POSIX shell snippets run with {@code sh -c}. */
final class Sh {
  private Sh() {}

  /** {@code sh -c script}. */
  static List<String> c(String script) {
    return List.of("sh", "-c", script);
  }

  /** A script printing {@code json} (single-quoted for the shell) and a newline on stdout. */
  static List<String> reply(String json) {
    return c("printf '%s\\n' '" + json.replace("'", "'\\''") + "'");
  }
}
