package org.containerops.mirror.conda;

import java.io.OutputStream;

/** Discards bytes; used to read a stream to its end so truncation is detected. */
final class OutputStreamSink extends OutputStream {
  static final OutputStreamSink INSTANCE = new OutputStreamSink();

  @Override
  public void write(int b) {}

  @Override
  public void write(byte[] b, int off, int len) {}
}
