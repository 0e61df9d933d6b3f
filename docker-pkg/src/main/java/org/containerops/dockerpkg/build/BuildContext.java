package org.containerops.dockerpkg.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.containerops.dockerpkg.context.ContextFiles;
import org.containerops.runtime.paths.UnsafePathException;

/**
 * A temporary build context (upstream image.py:270-314): {@code mkdtemp(prefix="docker-pkg-<name>")}
 * with the image directory copied to {@code context/}, minus what {@code .dockerignore} names
 * ({@link ContextFiles}). Symbolic links are copied as links, never followed, as {@code docker build}
 * treats its context, so a link to a host file never brings the file's content into the build
 * (issue 17 §3). {@link #close()} deletes everything.
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
      c.copy(imageDir);
      return c;
    } catch (UnsafePathException e) {
      c.close();
      throw new IOException(e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** @return the context directory */
  Path dir() {
    return dir;
  }

  /**
   * Writes a generated file (the rendered {@code Dockerfile}) into the context, replacing whatever
   * the image directory had there, a symbolic link included: the link is removed, never written through.
   */
  void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.deleteIfExists(file);
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  private void copy(Path source) throws IOException {
    Files.createDirectories(dir);
    for (ContextFiles.Entry e : ContextFiles.list(source)) {
      Path target = dir.resolve(e.relative());
      switch (e.kind()) {
        case DIRECTORY -> Files.createDirectories(target);
        case LINK -> Files.createSymbolicLink(target, Files.readSymbolicLink(e.source()));
        case FILE -> Files.copy(e.source(), target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      }
    }
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
