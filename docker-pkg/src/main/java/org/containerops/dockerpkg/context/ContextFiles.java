package org.containerops.dockerpkg.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;

/**
 * What a build sees of an image directory: every directory, file and symbolic link under it, minus
 * what {@code .dockerignore} names (upstream image.py:270-314 globbed each non-comment line relative
 * to the image directory, no {@code !}, no {@code **}; here each line is a glob over the path relative
 * to the image directory, {@code *} within one path element, the same result).
 *
 * <p>Symbolic links are listed as links and never followed, which is what {@code docker build} does
 * with a context (its tar keeps links as links; {@code COPY} never reads outside the context). The
 * {@code .dockerignore} file itself must resolve inside the image directory.
 */
public final class ContextFiles {
  /** What an entry is. */
  public enum Kind { DIRECTORY, FILE, LINK }

  /**
   * One entry of the context.
   *
   * @param relative path relative to the image directory, {@code /}-separated, never empty
   * @param kind directory, regular file (or other non-link), or symbolic link
   * @param source the entry's path in the image directory
   */
  public record Entry(String relative, Kind kind, Path source) {}

  private ContextFiles() {}

  /**
   * @param imageDir the image directory
   * @return its entries, sorted by relative path (parents before children)
   * @throws IOException when the directory cannot be walked or {@code .dockerignore} read
   * @throws UnsafePathException when {@code .dockerignore} is a link to outside the image directory
   */
  public static List<Entry> list(Path imageDir) throws IOException {
    List<PathMatcher> ignore = ignored(imageDir);
    List<Entry> out = new ArrayList<>();
    Files.walkFileTree(imageDir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        Path rel = imageDir.relativize(d);
        if (rel.toString().isEmpty()) {
          return FileVisitResult.CONTINUE;
        }
        if (ignore.stream().anyMatch(m -> m.matches(rel))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        out.add(new Entry(slashed(rel), Kind.DIRECTORY, d));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        Path rel = imageDir.relativize(f);
        if (ignore.stream().noneMatch(m -> m.matches(rel))) {
          out.add(new Entry(slashed(rel), attrs.isSymbolicLink() ? Kind.LINK : Kind.FILE, f));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        throw e;
      }
    });
    out.sort(Comparator.comparing(Entry::relative));
    return out;
  }

  private static String slashed(Path rel) {
    return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
  }

  private static List<PathMatcher> ignored(Path imageDir) throws IOException {
    Path file = imageDir.resolve(".dockerignore");
    List<PathMatcher> out = new ArrayList<>();
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        ConfinedPath.requireInside(imageDir, file);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (!Files.isRegularFile(file)) {
        return out;
      }
      for (String line : Files.readAllLines(file)) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(FileSystems.getDefault().getPathMatcher("glob:" + l.replaceAll("^/+|/+$", "")));
        }
      }
    }
    return out;
  }
}
