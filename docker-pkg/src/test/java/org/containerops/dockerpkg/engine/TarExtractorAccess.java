package org.containerops.dockerpkg.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Test access to the package-private {@link TarExtractor}. */
public final class TarExtractorAccess {
  private TarExtractorAccess() {}

  /** @see TarExtractor#extract */
  public static void extract(InputStream tar, Path target) throws IOException {
    TarExtractor.extract(tar, target);
  }
}
