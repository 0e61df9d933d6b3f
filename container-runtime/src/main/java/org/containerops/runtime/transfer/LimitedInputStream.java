package org.containerops.runtime.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code maxBytes} from a stream of unknown length (a manifest, a repodata.json, an
 * error body) and fails as soon as one byte more arrives, instead of buffering whatever a server sends.
 * Not thread-safe.
 */
public final class LimitedInputStream extends FilterInputStream {
  private final long maxBytes;
  private final String what;
  private long count;

  /**
   * @param in the stream to bound; closed by {@link #close()}
   * @param maxBytes the most bytes accepted, &gt;= 0
   * @param what what is read, for the error message (e.g. {@code "manifest of x/y:1.0"})
   */
  public LimitedInputStream(InputStream in, long maxBytes, String what) {
    super(in);
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.what = what;
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }

  /** @throws TransferException once more than {@code maxBytes} arrived */
  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  /** @throws TransferException once more than {@code maxBytes} arrived */
  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    // read at most one byte past the limit, enough to notice an over-long body without taking it in
    long room = maxBytes - count + 1;
    int n = in.read(buffer, offset, (int) Math.min(length, room));
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // unsupported: a reset would count bytes twice
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void advance(long n) throws TransferException {
    count += n;
    if (count > maxBytes) {
      throw new TransferException(what + ": more than the limit of " + maxBytes + " bytes arrived");
    }
  }
}
