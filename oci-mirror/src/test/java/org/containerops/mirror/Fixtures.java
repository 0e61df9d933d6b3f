package org.containerops.mirror;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixtures, read in place (system property {@code containerops.fixtures}). */
public final class Fixtures {
  private Fixtures() {}

  /** {@code <fixtures>/conda}. */
  public static Path conda() {
    String root = System.getProperty("containerops.fixtures");
    if (root == null) {
      throw new IllegalStateException("system property containerops.fixtures is not set");
    }
    Path p = Path.of(root, "conda");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("fixtures not found: " + p);
    }
    return p;
  }

  /** The fixture channel (noarch + osx-64, .tar.bz2). */
  public static Path channel() {
    return conda().resolve("channel");
  }

  /** The corrupt fixture channel root (noarch). */
  public static Path corrupt() {
    return conda().resolve("corrupt");
  }
}
