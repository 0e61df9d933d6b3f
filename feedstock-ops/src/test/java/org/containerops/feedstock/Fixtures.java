package org.containerops.feedstock;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixtures (system property {@code containerops.fixtures}), read in place. */
public final class Fixtures {
  private Fixtures() {}

  /** The v1 feedstocks written for this module's tests (not conda-forge recipes), read in place. */
  public static final java.util.List<String> TEST_FEEDSTOCKS =
      java.util.List.of("v1-per-variant-feedstock", "v1-selectors-feedstock", "v1-staging-feedstock");

  /** {@code src/test/resources/org/containerops/feedstock/feedstocks/<name>}; fails when missing. */
  public static Path testFeedstock(String name) {
    Path p = Path.of("src/test/resources/org/containerops/feedstock/feedstocks", name).toAbsolutePath();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("test feedstock missing: " + p);
    }
    return p;
  }

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
