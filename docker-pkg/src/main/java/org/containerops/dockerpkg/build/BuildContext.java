package org.containerops.dockerpkg.build;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary build context (upstream image.py:270-314): {@code mkdtemp(prefix="docker-pkg-<name>")}
 * with the image directory copied to {@code context/}, minus what {@code .dockerignore} names.
 * Upstream globbed each non-comment line relative to the image directory (no {@code !}, no
 * {@code **}); here each line is a glob over the path relative to the image directory, where
 * {@code *} stays within one path element, the same result. {@link #close()} deletes everything.
 */
final class BuildContext implements AutoCloseable {
  private final Path tempDir;
  private final Path dir;

  private BuildContext(Path tempDir) {
    this.tempDir = tempDir;
    this.dir = tempDir.resolve("context");
  }

  /**
   * @param imageDir the image directory to copy
   * @param name the image's name, for the temp dir's prefix ({@code /} becomes {@code -})
   * @throws IOException when copying fails (nothing is left behind)
   */
  static BuildContext of(Path imageDir, String name) throws IOException {
    BuildContext c = new BuildContext(Files.createTempDirectory("docker-pkg-" + name.replace('/', '-') + "-"));
    try {
      c.copy(imageDir, ignored(imageDir));
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** @return the context directory */
  Path dir() {
    return dir;
  }

  private static List<PathMatcher> ignored(Path imageDir) throws IOException {
    Path file = imageDir.resolve(".dockerignore");
    List<PathMatcher> out = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file)) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(FileSystems.getDefault().getPathMatcher("glob:" + l.replaceAll("^/+|/+$", "")));
        }
      }
    }
    return out;
  }

  private void copy(Path source, List<PathMatcher> ignore) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        Path rel = source.relativize(d);
        if (!rel.toString().isEmpty() && ignore.stream().anyMatch(m -> m.matches(rel))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(dir.resolve(rel.toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        Path rel = source.relativize(f);
        if (ignore.stream().noneMatch(m -> m.matches(rel))) {
          Files.copy(f, dir.resolve(rel.toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Deletes the temp directory and everything in it; quiet when it is already gone. */
  @Override
  public void close() {
    if (!Files.exists(tempDir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(tempDir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot remove build context " + tempDir + ": " + e.getMessage(), e);
    }
  }
}
