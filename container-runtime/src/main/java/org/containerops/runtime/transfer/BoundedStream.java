package org.containerops.runtime.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What {@link LimitedInputStream} and {@link VerifiedInputStream} share: every read, skip included,
 * goes through {@link #read(byte[], int, int)}, which counts the bytes, asks the underlying stream for
 * at most one byte past {@code limit} (enough to notice an over-long body without taking it in) and
 * fails as soon as the count passes it. mark/reset is not supported, since a rewind would count bytes
 * twice and a digest cannot rewind.
 */
abstract class BoundedStream extends FilterInputStream {
  private final long limit;
  private long count;

  /** @param limit the most bytes accepted, &gt;= 0 */
  BoundedStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }

  /** The error for a body that passed the limit. */
  abstract TransferException overLimit();

  /** Called with every chunk within the limit. */
  void accepted(byte[] buffer, int offset, int length) {
    // nothing by default
  }

  /** Called at each end of stream. */
  void ended() throws TransferException {
    // nothing by default
  }

  /** @throws TransferException past the limit, or from {@link #ended()} at end of stream */
  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
    if (n < 0) {
      ended();
      return -1;
    }
    count += n;
    if (count > limit) {
      throw overLimit();
    }
    accepted(buffer, offset, n);
    return n;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
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
    // unsupported
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }
}
