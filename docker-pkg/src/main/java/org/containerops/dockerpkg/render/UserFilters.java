package org.containerops.dockerpkg.render;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Upstream's {@code uid} and {@code add_user} filters (dockerfile.py:69-94) over the config's
 * {@code known_uid_mappings}.
 */
public final class UserFilters {
  private UserFilters() {}

  /**
   * @param user a user name
   * @param mappings user to uid
   * @param warnings receives {@code UID mapping for user X not found} for an unknown user
   * @return the uid as text, or the name unchanged for an unknown user (upstream only warns)
   */
  public static String uid(Object user, Map<String, Integer> mappings, Consumer<String> warnings) {
    String name = PythonStr.str(user);
    Integer id = mappings.get(name);
    if (id == null) {
      warnings.accept("UID mapping for user " + name + " not found");
      return name;
    }
    return id.toString();
  }

  /**
   * @return {@code groupadd -o -g {id} -r {usr} && useradd -l -o -r -m -d /var/lib/{usr} -g {usr}
   *     -u {id} {usr}}
   * @throws IllegalArgumentException {@code No mapping found for user 'X'} for an unknown user
   */
  public static String addUser(Object user, Map<String, Integer> mappings) {
    String name = PythonStr.str(user);
    Integer id = mappings.get(name);
    if (id == null || id.toString().equals(name)) {
      throw new IllegalArgumentException("No mapping found for user '" + name + "'");
    }
    return "groupadd -o -g " + id + " -r " + name + " && useradd -l -o -r -m -d /var/lib/" + name
        + " -g " + name + " -u " + id + " " + name;
  }
}
