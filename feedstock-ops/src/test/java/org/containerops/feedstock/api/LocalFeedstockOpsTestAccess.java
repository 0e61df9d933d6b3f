package org.containerops.feedstock.api;

import java.nio.file.Path;

/** Lets tests in other packages make a git feedstock from a fixture. */
public final class LocalFeedstockOpsTestAccess {
  private LocalFeedstockOpsTestAccess() {}

  /** A committed git work tree copied from the fixture into {@code parent/<fixture>}. */
  public static Path gitFeedstock(Path parent, String fixture) {
    return LocalFeedstockOpsTest.gitFeedstock(parent, fixture);
  }
}
