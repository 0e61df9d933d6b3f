package org.containerops.feedstock.inside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The layout of the mounted operation directory. */
final class OpsDir {
  private OpsDir() {}

  /**
   * The single {@code *-feedstock} directory in the mount ({@code __main__.py:159-161}).
   *
   * @throws IllegalStateException naming what was found when there is not exactly one
   */
  static Path oneFeedstock(Path opsDir) throws IOException {
    List<Path> found;
    try (Stream<Path> s = Files.list(opsDir)) {
      found = s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().endsWith("-feedstock")).sorted().toList();
    }
    if (found.size() != 1) {
      throw new IllegalStateException("expected one feedstock, got " + found.stream().map(Path::toString).toList());
    }
    return found.get(0);
  }
}
