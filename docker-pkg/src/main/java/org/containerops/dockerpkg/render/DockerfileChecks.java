package org.containerops.dockerpkg.render;

import java.util.regex.Pattern;

/** Checks on a rendered Dockerfile that the build step applies (upstream dockerfile.py:149-156). */
public final class DockerfileChecks {
  private static final Pattern NUMERIC_USER = Pattern.compile("^USER\\s+\\d+(?::\\d+)?$");

  private DockerfileChecks() {}

  /**
   * For config {@code force_numeric_user}: the last line starting with {@code USER } must be
   * {@code USER <uid>[:<gid>]}.
   *
   * @return true if the last {@code USER} line is numeric, or there is none
   */
  public static boolean hasNumericUser(String dockerfile) {
    boolean numeric = true;
    for (String line : dockerfile.split("\n", -1)) {
      if (line.startsWith("USER ")) {
        numeric = NUMERIC_USER.matcher(line).matches();
      }
    }
    return numeric;
  }
}
