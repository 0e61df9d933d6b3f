package org.containerops.mirror.registry;

import java.io.IOException;

/** A registry request that failed after retries; {@link #status()} is the HTTP status or 0 for I/O errors. */
public final class RegistryCallException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /** @param message what was attempted, never containing credentials */
  public RegistryCallException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** HTTP status, 0 when there was no response. */
  public int status() {
    return status;
  }
}
