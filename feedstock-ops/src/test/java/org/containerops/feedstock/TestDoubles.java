package org.containerops.feedstock;

import java.nio.file.Files;
import java.nio.file.Path;

/** The test doubles of the feedstock-ops-double test image, used in place on the host by *Test classes. */
public final class TestDoubles {
  /** The test image scripts/setup builds from src/test/images/feedstock-ops-double. */
  public static final String IMAGE = "containerops/test-feedstock-ops-double:latest";

  private TestDoubles() {}

  /** {@code src/test/images/feedstock-ops-double/<name>}. */
  public static Path script(String name) {
    Path p = Path.of("src/test/images/feedstock-ops-double", name).toAbsolutePath();
    if (!Files.isExecutable(p)) {
      throw new IllegalStateException("test double missing or not executable: " + p);
    }
    return p;
  }
}
