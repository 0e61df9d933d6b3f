package org.containerops.runtime.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds a container's stdin and makes the container see end-of-file.
 *
 * <p>docker-java never half-closes the hijacked attach socket, so a container reading stdin would wait
 * forever (docker-java issues #471, #1448, #1684). Workaround (java-libraries.md §2.3): the container is
 * created with {@code OpenStdin} and {@code StdinOnce}; a second, stdin-only attach is fed from the
 * input; when the input ends, that attach is closed, and because of {@code StdinOnce} dockerd then
 * closes the container's stdin.
 */
final class StdinFeeder implements AutoCloseable {
  private static final long START_WAIT_SECONDS = 60;

  private final ResultCallback.Adapter<Frame> attach = new ResultCallback.Adapter<>();
  private final InputStream input;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch started = new CountDownLatch(1);

  private StdinFeeder(InputStream input) {
    this.input = input;
  }

  /**
   * Attaches to the container's stdin and starts feeding {@code input}; the stream is closed when
   * it is exhausted or at {@link #close()}.
   *
   * @throws InterruptedException when interrupted while waiting for the attach
   */
  static StdinFeeder attach(DockerClient client, String containerId, InputStream input)
      throws InterruptedException {
    StdinFeeder feeder = new StdinFeeder(input);
    InputStream watched = new FilterInputStream(input) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          feeder.endOfInput();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
          feeder.endOfInput();
        }
        return n;
      }
    };
    client.attachContainerCmd(containerId).withStdIn(watched).withFollowStream(true).exec(feeder.attach);
    feeder.attach.awaitStarted(30, TimeUnit.SECONDS);
    return feeder;
  }

  /**
   * Tells the feeder the container has started. Until then end-of-input does not close the attach: a stdin
   * attach closed before the start was sometimes lost, and the container then waited on stdin for ever.
   */
  void containerStarted() {
    started.countDown();
  }

  /** Called on the transport's copy thread once the input returned end-of-file. */
  private void endOfInput() {
    CompletableFuture.runAsync(() -> {
      try {
        started.await(START_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      close();
    });
  }

  /** Closes the attach (so the container sees end-of-file) and the input; idempotent. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      attach.close();
    } catch (IOException ignored) {
      // the socket is gone either way
    }
    try {
      input.close();
    } catch (IOException ignored) {
      // nothing to release
    }
  }
}
