package org.containerops.mirror.api;

/**
 * The one failure type of the library: {@link #reason()} says what kind, the message names the input.
 * Messages never contain credentials.
 */
public final class MirrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The channel (repodata) cannot be read. */
    CHANNEL,
    /** The registry refused or could not be reached after retries. */
    REGISTRY,
    /** Authentication was refused (401/403). */
    UNAUTHORIZED,
    /** The requested package, tag or layer does not exist. */
    NOT_FOUND,
    /** A package archive is corrupt or does not match its checksums. */
    CORRUPT_PACKAGE,
    /** Local files cannot be read or written. */
    LOCAL_IO,
    /**
     * A name from the registry or a tree (layer title, repodata file name) is not a conda file name or
     * would leave its directory; nothing was written.
     */
    UNSAFE_NAME
  }

  private final Reason reason;

  /** @param message one line naming the input that failed */
  public MirrorException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** What kind of failure. */
  public Reason reason() {
    return reason;
  }
}
