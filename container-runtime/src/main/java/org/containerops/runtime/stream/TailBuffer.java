package org.containerops.runtime.stream;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code capacity} bytes written to it. Thread-safe.
 */
public final class TailBuffer {
  private final byte[] ring;
  private long written;

  /** @param capacity how many trailing bytes to keep; &gt; 0 */
  public TailBuffer(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
    }
    this.ring = new byte[capacity];
  }

  /** Appends bytes, forgetting the oldest beyond the capacity. */
  public synchronized void write(byte[] bytes, int offset, int length) {
    int from = offset;
    int len = length;
    if (len > ring.length) { // only the end can survive
      from += len - ring.length;
      written += len - ring.length;
      len = ring.length;
    }
    for (int i = 0; i < len; i++) {
      ring[(int) ((written + i) % ring.length)] = bytes[from + i];
    }
    written += len;
  }

  /** Total bytes ever written. */
  public synchronized long written() {
    return written;
  }

  /** The kept bytes, oldest first. */
  public synchronized byte[] bytes() {
    int size = (int) Math.min(written, ring.length);
    byte[] out = new byte[size];
    long start = written - size;
    for (int i = 0; i < size; i++) {
      out[i] = ring[(int) ((start + i) % ring.length)];
    }
    return out;
  }

  /**
   * The kept bytes as UTF-8 text; a character cut at the start is dropped, and when bytes were lost a
   * first line {@code [... N earlier bytes not kept]} says so.
   */
  public String text() {
    byte[] b;
    long total;
    synchronized (this) {
      b = bytes();
      total = written;
    }
    int skip = 0;
    while (skip < b.length && skip < 4 && (b[skip] & 0xC0) == 0x80) {
      skip++; // UTF-8 continuation byte of a character cut in half
    }
    String s = new String(b, skip, b.length - skip, StandardCharsets.UTF_8);
    long lost = total - b.length;
    return lost > 0 ? "[... " + lost + " earlier bytes not kept]\n" + s : s;
  }
}
