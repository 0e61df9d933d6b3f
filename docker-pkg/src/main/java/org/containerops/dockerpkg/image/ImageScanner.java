package org.containerops.dockerpkg.image;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.LinkOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.changelog.Changelog;
import org.containerops.dockerpkg.changelog.ChangelogEntry;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;

/**
 * Finds image directories under a root (upstream builder.py:250-291): every directory, the root
 * included, that holds both {@code Dockerfile.template} and {@code changelog}; symlinked
 * directories are not followed. A directory with only one of the two gets a warning
 * ({@code Ignoring DIR since it lacks a Dockerfile.template} / {@code … a changelog}).
 * {@code changelog} and {@code control} must resolve inside their image directory, symbolic links
 * followed.
 */
public final class ImageScanner {
  private static final Logger LOG = LoggerFactory.getLogger(ImageScanner.class);
  private final int workers;
  private final DockerPkgListener listener;

  /**
   * @param workers threads reading metadata, at least 1 (config {@code scan_workers})
   * @param listener receives the warnings
   */
  public ImageScanner(int workers, DockerPkgListener listener) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers: want >= 1, got " + workers);
    }
    this.workers = workers;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * @param root directory to scan
   * @return the images, sorted by name
   * @throws DockerPkgException reason SCAN if {@code root} is not a directory, a directory cannot
   *     be listed, a changelog or control file is malformed (the message names the file), or two
   *     images have the same name
   */
  public ImageTree scan(Path root) {
    if (!Files.isDirectory(root)) {
      throw new DockerPkgException(Reason.SCAN, root, root + ": not a directory");
    }
    List<Path> dirs = imageDirs(root);
    List<ImageDefinition> images = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, dirs.size())));
    try {
      List<Future<ImageDefinition>> futures = new ArrayList<>();
      dirs.forEach(d -> futures.add(pool.submit(() -> read(d))));
      for (Future<ImageDefinition> f : futures) {
        images.add(f.get());
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new DockerPkgException(Reason.SCAN, root, e.getCause().toString(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerPkgException(Reason.SCAN, root, "interrupted while scanning " + root, e);
    } finally {
      pool.shutdownNow();
    }
    Map<String, Path> seen = new HashMap<>();
    for (ImageDefinition image : images) {
      Path other = seen.putIfAbsent(image.name(), image.dir());
      if (other != null) {
        throw new DockerPkgException(Reason.SCAN, image.dir(), "two images are named " + image.name()
            + ": " + other + " and " + image.dir());
      }
    }
    LOG.debug("found {} images under {}", images.size(), root);
    return new ImageTree(root, images);
  }

  /**
   * Reads one image directory.
   *
   * @throws DockerPkgException reason SCAN naming the malformed changelog or control file
   */
  public static ImageDefinition read(Path dir) {
    ChangelogEntry latest = Changelog.readLatest(confined(dir, "changelog"));
    Path control = dir.resolve("control");
    List<String> depends = Files.exists(control, LinkOption.NOFOLLOW_LINKS)
        ? ControlFile.dependencies(confined(dir, "control")) : List.of();
    return new ImageDefinition(dir, latest.packageName(), latest.version(), depends,
        Files.exists(dir.resolve("test.sh")));
  }

  /**
   * {@code dir/name}, refused when a symbolic link takes it outside {@code dir}
   * (issue 17 §3: a changelog linked to a host file must not be read).
   *
   * @throws DockerPkgException reason SCAN naming the file and where it resolves to
   */
  private static Path confined(Path dir, String name) {
    Path file = dir.resolve(name);
    try {
      ConfinedPath.requireInside(dir, file);
      return file;
    } catch (UnsafePathException | UncheckedIOException e) {
      throw new DockerPkgException(Reason.SCAN, file, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Directories with both files, sorted by path; warns about half definitions. */
  private List<Path> imageDirs(Path root) {
    List<Path> dirs = new ArrayList<>();
    Map<Path, String> half = new TreeMap<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          boolean template = isFile(dir.resolve(ImageDefinition.TEMPLATE));
          boolean changelog = isFile(dir.resolve("changelog"));
          if (template && changelog) {
            dirs.add(dir);
          } else if (changelog) {
            half.put(dir, "Ignoring " + dir + " since it lacks a Dockerfile.template");
          } else if (template) {
            half.put(dir, "Ignoring " + dir + " since it lacks a changelog");
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          throw e;
        }
      });
    } catch (IOException e) {
      throw new DockerPkgException(Reason.SCAN, root, "cannot scan " + root + ": " + e, e);
    }
    half.values().forEach(w -> listener.warning(null, w));
    dirs.sort(null);
    return dirs;
  }

  private static boolean isFile(Path p) {
    return Files.exists(p) && !Files.isDirectory(p);
  }
}
