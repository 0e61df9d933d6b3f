package org.containerops.runtime.paths;

import java.util.regex.Pattern;

/**
 * The conda package file-name grammar, {@code <name>-<version>-<build>.conda} or {@code .tar.bz2}, as
 * a gate for names that arrive from the network (a registry's {@code repodata.json}, tags, manifest
 * annotations) or from a tree before they become a file name.
 *
 * <p>conda itself splits a file name at its last two dashes ({@code conda/models/records.py},
 * {@code conda_package_handling}); this gate accepts exactly those names whose three parts are
 * non-empty and which cannot name anything but one file in one directory: no {@code /}, {@code \}, NUL
 * or other control character, not {@code .} or {@code ..}, no leading {@code .} or {@code -}, no
 * whitespace. Version and build may not contain a dash (conda forbids it); the name may.
 */
public final class CondaFileName {
  /** The package extensions conda knows, longest match first. */
  private static final Pattern GRAMMAR = Pattern.compile(
      "[A-Za-z0-9_][A-Za-z0-9_.+-]*-[A-Za-z0-9_.+!]+-[A-Za-z0-9_.+]+\\.(conda|tar\\.bz2)");

  private CondaFileName() {}

  /**
   * @param fileName a candidate file name, may be null
   * @return whether it is a conda package file name that is safe as one path element
   */
  public static boolean isValid(String fileName) {
    return fileName != null && fileName.length() <= 255 && GRAMMAR.matcher(fileName).matches()
        && !fileName.contains("..");
  }

  /**
   * @param fileName a candidate file name
   * @return {@code fileName}, unchanged
   * @throws UnsafePathException when it is not a conda package file name (names the input and the
   *     grammar)
   */
  public static String require(String fileName) {
    if (!isValid(fileName)) {
      throw new UnsafePathException(String.valueOf(fileName), "refused "
          + (fileName == null ? "a missing file name" : UnsafePathException.quote(fileName))
          + ": not a conda package file name (<name>-<version>-<build>.conda or .tar.bz2,"
          + " one path element, no '..')");
    }
    return fileName;
  }
}
