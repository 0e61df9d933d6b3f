package org.containerops.runtime.transfer;

import java.io.InputStream;

/**
 * Reads at most {@code maxBytes} from a stream of unknown length (a manifest, a repodata.json, an
 * error body) and fails as soon as one byte more arrives, instead of buffering whatever a server sends.
 * Not thread-safe.
 */
public final class LimitedInputStream extends BoundedStream {
  private final long maxBytes;
  private final String what;

  /**
   * @param in the stream to bound; closed by {@link #close()}
   * @param maxBytes the most bytes accepted, &gt;= 0
   * @param what what is read, for the error message (e.g. {@code "manifest of x/y:1.0"})
   */
  public LimitedInputStream(InputStream in, long maxBytes, String what) {
    super(in, maxBytes);
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.what = what;
  }

  @Override
  TransferException overLimit() {
    return new TransferException(what + ": more than the limit of " + maxBytes + " bytes arrived");
  }
}
