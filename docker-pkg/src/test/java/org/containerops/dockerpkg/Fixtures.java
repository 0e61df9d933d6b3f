package org.containerops.dockerpkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the shared, read-only fixtures are: property {@code containerops.fixtures}, else ../../shared/fixtures. */
public final class Fixtures {
  private Fixtures() {}

  /** @return the shared fixtures root, which must exist */
  public static Path root() {
    String prop = System.getProperty("containerops.fixtures");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    Path fallback = Path.of("").toAbsolutePath().resolve("../../shared/fixtures").normalize();
    if (!Files.isDirectory(fallback)) {
      throw new IllegalStateException("fixtures not found: containerops.fixtures=" + prop + ", fallback " + fallback);
    }
    return fallback;
  }

  /** @return fixtures/docker-pkg */
  public static Path dockerPkg() {
    return root().resolve("docker-pkg");
  }

  /** @return the production-images corpus directory (holds config.yaml and images/) */
  public static Path corpus() {
    return dockerPkg().resolve("production-images");
  }

  /** @return the corpus image tree */
  public static Path corpusImages() {
    return corpus().resolve("images");
  }

  /** Copies a directory tree (e.g. the corpus) into {@code target}, files writable. */
  public static Path copyTree(Path source, Path target) {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
          t.toFile().setWritable(true);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
