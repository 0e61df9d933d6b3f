package org.containerops.runtime.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into UTF-8 lines (without {@code \n} or {@code \r\n}). Lines longer than
 * {@value #MAX_LINE} bytes are emitted in pieces. Not thread-safe: feed it from one thread.
 */
public final class LineSplitter {
  /** Longest piece emitted as one line, bytes. */
  public static final int MAX_LINE = 16 * 1024;

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final Consumer<String> sink;

  /** @param sink receives each line */
  public LineSplitter(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Feeds bytes; complete lines go to the sink. */
  public void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        emit();
      } else {
        pending.write(b);
        if (pending.size() >= MAX_LINE) {
          emit();
        }
      }
    }
  }

  /** Emits what is left as a last line, if anything. */
  public void flush() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
  }
}
