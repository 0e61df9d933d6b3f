package org.containerops.feedstock.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;

/**
 * A temporary directory to mount into a container, holding a copy of a feedstock without
 * {@code .git} (upstream's {@code sync_dirs(..., ignore_dot_git=True)}, {@code os_utils.py:76-150}).
 * The real feedstock, and its {@code .git}, are never mounted. {@link #close()} removes everything,
 * including files the container's user created: directories are made writable first (the
 * container side also leaves what it creates world-writable), so a uid mismatch cannot leave the
 * copy behind (conda-forge/conda-forge-bot#2490).
 */
public final class FeedstockCopy implements AutoCloseable {
  private final Path root;
  private boolean closed;

  private FeedstockCopy(Path root) {
    this.root = root;
  }

  /**
   * Creates an empty temp dir {@code feedstock-ops-<operation>-*}, world-readable so the container's
   * user can enter it.
   *
   * @throws UncheckedIOException when it cannot be created
   */
  public static FeedstockCopy create(String operation) {
    try {
      Path dir = Files.createTempDirectory("feedstock-ops-" + operation + "-");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      return new FeedstockCopy(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp dir: " + e.getMessage(), e);
    }
  }

  /** The temp dir (what gets mounted). */
  public Path root() {
    return root;
  }

  /**
   * Copies {@code source} without any {@code .git} to {@code root/<name>} (or to the root itself when
   * {@code name} is empty), keeping modes. A symbolic link whose target stays inside {@code source} is
   * copied as a link and never followed; one that leaves the tree (absolute or through {@code ..},
   * existing or dangling, directly or through another link) is refused before anything is mounted, so
   * no host file outside the feedstock reaches the container (issue 17 §3). {@code source} itself may
   * be a link; its real path is the tree.
   *
   * @return the copy
   * @throws UnsafePathException naming the link, its target and the feedstock when a link leaves the tree
   * @throws UncheckedIOException on a read or write error
   */
  public Path copy(Path sourceDir, String name) {
    Path target = name.isEmpty() ? root : root.resolve(name);
    Path source;
    try {
      source = sourceDir.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceDir + ": " + e.getMessage(), e);
    }
    try {
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(source)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          Path t = target.resolve(source.relativize(dir).toString());
          Files.createDirectories(t);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (file.getFileName().toString().equals(".git")) {
            return FileVisitResult.CONTINUE;  // a worktree's .git file
          }
          if (attrs.isSymbolicLink()) {
            requireLinkInside(source, file);
          }
          Path t = target.resolve(source.relativize(file).toString());
          Files.copy(file, t, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /**
   * Refuses a link whose target, resolved from the link's directory, is outside {@code tree}: an
   * existing target by its real path (so a chain of links counts), a dangling one lexically.
   */
  static void requireLinkInside(Path tree, Path link) throws IOException {
    Path lexical = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
    if (Files.exists(link)) {
      try {
        ConfinedPath.requireInside(tree, link);  // follows the whole chain; names what it resolved to
      } catch (UnsafePathException e) {
        throw new UnsafePathException(e.input(), "symbolic link " + link + " leaves the feedstock " + tree
            + " (" + e.getMessage() + "); feedstock-ops refuses links that leave the tree (copy the file into "
            + "the feedstock instead)");
      }
    } else if (!lexical.startsWith(tree)) {
      throw new UnsafePathException(tree.relativize(link).toString(), "symbolic link " + link + " points to "
          + Files.readSymbolicLink(link) + ", outside the feedstock " + tree + "; feedstock-ops refuses links that "
          + "leave the tree (copy the file into the feedstock instead)");
    }
  }

  /** Writes a file in the root (e.g. the permissions map). */
  public Path write(String name, String content) {
    try {
      return Files.writeString(root.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + root.resolve(name) + ": " + e.getMessage(), e);
    }
  }

  /** Removes the temp dir and everything in it; idempotent. @throws UncheckedIOException when something stays */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    deleteTree(root);
  }

  /** Deletes a tree, making directories writable first. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
          if (!Files.isWritable(d) || !Files.isExecutable(d)) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          if (exc != null) {
            throw exc;
          }
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove temp dir " + dir + ": " + e.getMessage(), e);
    }
  }
}
