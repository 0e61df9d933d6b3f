package org.containerops.runtime.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bytes fed to a sandbox's stdin. The container sees end-of-file after the last byte. A sandbox
 * without a stdin source has its stdin closed from the start (upstream inherits the host's stdin,
 * {@code container_utils.py:163-168}; we never do).
 */
@FunctionalInterface
public interface StdinSource {
  /**
   * Opens the input; the caller closes it.
   *
   * @throws IOException when the input cannot be opened
   */
  InputStream open() throws IOException;

  /** The given bytes (copied). */
  static StdinSource ofBytes(byte[] bytes) {
    byte[] copy = bytes.clone();
    return () -> new ByteArrayInputStream(copy);
  }

  /** The contents of a file, read when the sandbox starts. */
  static StdinSource ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    return () -> Files.newInputStream(file);
  }

  /**
   * A stream that can be read once: a spec holding it can run only once.
   *
   * @throws IllegalStateException from {@link #open()} when opened a second time
   */
  static StdinSource ofStream(InputStream stream) {
    Objects.requireNonNull(stream, "stream");
    AtomicBoolean used = new AtomicBoolean();
    return () -> {
      if (used.getAndSet(true)) {
        throw new IllegalStateException("stdin: this stream was already consumed by an earlier run");
      }
      return stream;
    };
  }
}
