package org.containerops.mirror.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of one run under a subdir's cache dir, {@code .run-<pid>-<random>}, holding that run's
 * downloads and snapshot. Runs of the same channel at once (issue 12 §4) never touch each other's
 * files, and what a {@code kill -9} left (a run dir whose process is gone) is removed by the next run.
 */
final class RunDirectory {
  private static final String PREFIX = ".run-";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private RunDirectory() {}

  /**
   * Creates {@code <parent>/.run-<this pid>-<random>} after removing the run dirs of processes that no
   * longer exist.
   *
   * @return the new directory; the caller deletes it with {@link #delete}
   */
  static Path create(Path parent) throws IOException {
    Files.createDirectories(parent);
    try (Stream<Path> s = Files.list(parent)) {
      for (Path p : s.filter(RunDirectory::isStale).toList()) {
        delete(p);
      }
    }
    return Files.createDirectory(parent.resolve(PREFIX + ProcessHandle.current().pid() + "-"
        + Long.toHexString(RANDOM.nextLong())));
  }

  /** Removes {@code dir} and everything in it; missing is fine. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }

  private static boolean isStale(Path p) {
    String name = p.getFileName().toString();
    if (!name.startsWith(PREFIX) || !Files.isDirectory(p)) {
      return false;
    }
    try {
      int dash = name.indexOf('-', PREFIX.length());
      long pid = Long.parseLong(name.substring(PREFIX.length(), dash < 0 ? name.length() : dash));
      return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
