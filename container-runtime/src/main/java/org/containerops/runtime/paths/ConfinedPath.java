package org.containerops.runtime.paths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Turns a name that the program did not choose (from a registry, a repodata file, a template tree)
 * into a path that is guaranteed to stay under a root directory, after normalisation and after
 * following symbolic links. Every tool that writes or reads such a name goes through here (issue 17
 * §1, §3).
 *
 * <p>Checks, in order: no NUL or other control character, not absolute, lexically normalised under the
 * root (no {@code ..} escape), and the real path of the nearest existing ancestor (or of the file
 * itself when it exists) under the root's real path — so a symbolic link inside the root that points
 * outside is refused too.
 */
public final class ConfinedPath {
  private ConfinedPath() {}

  /**
   * @param root the directory the result must stay under; need not exist yet (then only lexical checks
   *     and the real path of its nearest existing ancestor apply)
   * @param relative a relative path from an untrusted source, e.g. {@code linux-64/x-1.0-0.conda}
   * @return {@code root.resolve(relative)}, normalised, absolute
   * @throws UnsafePathException when {@code relative} is empty, absolute, contains a control
   *     character, escapes {@code root} lexically, or reaches outside it through a symbolic link
   */
  public static Path resolve(Path root, String relative) {
    if (relative == null || relative.isEmpty()) {
      throw new UnsafePathException(String.valueOf(relative), "refused an empty path under " + root);
    }
    if (relative.chars().anyMatch(Character::isISOControl)) {
      throw refused(relative, root, "it contains a control character");
    }
    if (relative.startsWith("/") || relative.startsWith("\\") || relative.contains("\\")) {
      throw refused(relative, root, "it is absolute or contains a backslash");
    }
    Path base = root.toAbsolutePath().normalize();
    Path candidate;
    try {
      Path rel = base.getFileSystem().getPath(relative);
      if (rel.isAbsolute()) {
        throw refused(relative, root, "it is absolute");
      }
      candidate = base.resolve(rel).normalize();
    } catch (InvalidPathException e) {
      throw refused(relative, root, "it is not a valid path (" + e.getReason() + ")");
    }
    if (!candidate.startsWith(base) || candidate.equals(base)) {
      throw refused(relative, root, "it leaves the directory");
    }
    Path realBase = realPathOfExistingAncestor(base);
    Path realCandidate = realPathOfExistingAncestor(candidate);
    if (realBase == null || realCandidate == null) {
      throw refused(relative, root, "a symbolic link on its way points nowhere");
    }
    if (!realCandidate.startsWith(realBase)) {
      throw refused(relative, root, "it resolves to " + realCandidate + " through a symbolic link");
    }
    return candidate;
  }

  /**
   * {@link CondaFileName#require} then {@link #resolve}.
   *
   * @param dir the directory the package file goes into (e.g. a channel's subdir)
   * @param fileName a package file name from an untrusted source
   * @return the file's path in {@code dir}
   * @throws UnsafePathException when the name is not a conda package file name or escapes {@code dir}
   */
  public static Path resolveCondaFile(Path dir, String fileName) {
    return resolve(dir, CondaFileName.require(fileName));
  }

  /**
   * Follows every symbolic link of an existing {@code path} and checks that the result is under the
   * real path of {@code root}.
   *
   * @param root an existing directory
   * @param path an existing file or directory (relative paths are taken against the working directory)
   * @return the real path of {@code path}
   * @throws UnsafePathException when the real path is outside the real path of {@code root}; the
   *     message names what was given and what it resolved to
   * @throws UncheckedIOException when {@code path} or {@code root} does not exist or cannot be read
   */
  public static Path requireInside(Path root, Path path) {
    Path realRoot;
    Path real;
    try {
      realRoot = root.toRealPath();
      real = path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + path + ": " + e.getMessage(), e);
    }
    if (!real.startsWith(realRoot)) {
      throw new UnsafePathException(path.toString(), "refused " + UnsafePathException.quote(path.toString())
          + ": it resolves to " + real + ", outside " + realRoot);
    }
    return real;
  }

  /** Whether {@code path} itself (not what it points to) is a symbolic link. */
  public static boolean isLink(Path path) {
    return Files.isSymbolicLink(path);
  }

  /** The real path of {@code path}'s nearest existing ancestor with the rest appended; null on a dangling link. */
  private static Path realPathOfExistingAncestor(Path path) {
    Path p = path;
    Path rest = p.getFileSystem().getPath("");
    while (p != null) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          return p.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
          return null; // a dangling link: where it would write is unknown
        }
      }
      Path name = p.getFileName();
      rest = name == null ? rest : name.resolve(rest);
      p = p.getParent();
    }
    return path;
  }

  private static UnsafePathException refused(String input, Path root, String why) {
    return new UnsafePathException(input,
        "refused " + UnsafePathException.quote(input) + " under " + root + ": " + why);
  }
}
