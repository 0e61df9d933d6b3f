package org.containerops.feedstock.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The user-execute permissions map that travels with a rerender, as upstream's
 * {@code get_user_execute_permissions} / {@code reset_permissions_with_user_execute}
 * ({@code conda_forge_feedstock_ops/os_utils.py:195-255}): relative path to {@code st_mode & 0o100}
 * ({@code 0} or {@code 64}) for every file and directory outside {@code .git}.
 */
public final class Permissions {
  /** Upstream's value for "user may execute". */
  public static final int USER_EXECUTE = 0100;
  private static final Set<PosixFilePermission> DIR_OR_EXEC = PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

  private Permissions() {}

  /**
   * @param root a directory
   * @return relative path (with {@code /}) to 0 or 64, sorted; {@code .git} and symlinks left out
   */
  public static Map<String, Integer> userExecute(Path root) {
    Map<String, Integer> perms = new TreeMap<>();
    for (Path p : walk(root)) {
      Set<PosixFilePermission> mode = mode(p);
      perms.put(relative(root, p), mode.contains(PosixFilePermission.OWNER_EXECUTE) ? USER_EXECUTE : 0);
    }
    return perms;
  }

  /**
   * Sets every file and directory under {@code root} (outside {@code .git}) to git's modes: 0755 for
   * directories and for files whose map value is 64 or {@code true}, 0644 for the rest (upstream uses
   * the umask; git checks out with these under the usual 022). Values may be ints or booleans
   * (upstream writes either, depending on version).
   */
  public static void reset(Path root, Map<String, ?> perms) {
    for (Path p : walk(root)) {
      Object v = perms.get(relative(root, p));
      boolean exec = v instanceof Boolean b ? b : v instanceof Number n && (n.intValue() & USER_EXECUTE) != 0;
      try {
        Files.setPosixFilePermissions(p, Files.isDirectory(p) || exec ? DIR_OR_EXEC : FILE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot set the mode of " + p + ": " + e.getMessage(), e);
      }
    }
  }

  /** Adds {@code a+rw} to files and {@code a+rwx} to directories (upstream's {@code chmod_plus_rwX}). */
  public static void plusRwX(Path root) {
    List<Path> all = walkAll(root);
    for (Path p : all) {
      try {
        Set<PosixFilePermission> mode = mode(p);
        mode.addAll(PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
        Files.setPosixFilePermissions(p, mode);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot chmod " + p + ": " + e.getMessage(), e);
      }
    }
  }

  static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static Set<PosixFilePermission> mode(Path p) {
    try {
      return Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mode of " + p + ": " + e.getMessage(), e);
    }
  }

  /** Files and directories below root, not root, not under {@code .git}, no symlinks; sorted. */
  private static List<Path> walk(Path root) {
    return walkAll(root).stream().filter(p -> !p.equals(root)).toList();
  }

  private static List<Path> walkAll(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !Files.isSymbolicLink(p))
          .filter(p -> !root.relativize(p).toString().equals(".git") && !isUnderGit(root.relativize(p)))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean isUnderGit(Path rel) {
    for (Path part : rel) {
      if (part.toString().equals(".git")) {
        return true;
      }
    }
    return false;
  }
}
