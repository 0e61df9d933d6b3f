package org.containerops.feedstock;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixtures (system property {@code containerops.fixtures}), read in place. */
public final class Fixtures {
  private Fixtures() {}

  /** {@code <fixtures>/feedstocks/<name>}; fails when missing. */
  public static Path feedstock(String name) {
    String root = System.getProperty("containerops.fixtures");
    if (root == null) {
      throw new IllegalStateException("system property containerops.fixtures is not set");
    }
    Path p = Path.of(root, "feedstocks", name);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("fixture feedstock missing: " + p);
    }
    return p;
  }
}
