package org.containerops.dockerpkg.changelog;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automatic version of an {@code update} (upstream image.py:98-114 {@code new_tag}), widened
 * to every version: if the version ends in {@code -<id><digits>}, the number goes up by one;
 * otherwise {@code -<id>1} is appended. Examples with id {@code s}: {@code 0.1.2 -> 0.1.2-s1},
 * {@code 0.1.2-1-s8 -> 0.1.2-1-s9}, {@code 8.1.33-1-s4-20260816 -> 8.1.33-1-s4-20260816-s1},
 * {@code v20220915-3 -> v20220915-3-s1}; with id {@code ""}: {@code 0.1.2-1 -> 0.1.2-2}.
 *
 * <p>Where upstream's regex {@code ^([\d\-\.]+?)(-{id}(\d+))?$} matches, the result is the same as
 * upstream's; where it failed ("Was not able to match version"), we still give a version that
 * dpkg orders after the old one: appending {@code -<id>1} makes the old full version the new
 * upstream part, which sorts after the old upstream part, and incrementing the last number of the
 * revision sorts after it too.
 */
public final class VersionBump {
  private static final Pattern ID = Pattern.compile("[A-Za-z]*");

  private VersionBump() {}

  /**
   * @param version the current version (first changelog entry), not empty
   * @param id the {@code update_id} letters, may be empty
   * @return the next version, dpkg-greater than {@code version}
   * @throws IllegalArgumentException if {@code id} is not letters, or {@code version} is empty
   */
  public static String next(String version, String id) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("update_id: want letters only, got " + id);
    }
    if (version.isEmpty()) {
      throw new IllegalArgumentException("version: must not be empty");
    }
    Matcher m = Pattern.compile("^(.+)-" + id + "(\\d+)$").matcher(version);
    if (m.matches()) {
      return m.group(1) + "-" + id + new BigInteger(m.group(2)).add(BigInteger.ONE);
    }
    return version + "-" + id + "1";
  }
}
