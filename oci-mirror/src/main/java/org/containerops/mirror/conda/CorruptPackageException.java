package org.containerops.mirror.conda;

import java.io.IOException;

/** A package archive that cannot be read as its format says (bad compression, no {@code info/index.json}). */
public final class CorruptPackageException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message names the file and what is wrong */
  public CorruptPackageException(String message, Throwable cause) {
    super(message, cause);
  }
}
