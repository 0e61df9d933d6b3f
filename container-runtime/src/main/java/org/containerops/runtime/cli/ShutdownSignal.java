package org.containerops.runtime.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns a JVM shutdown (SIGINT from Ctrl-C, SIGTERM) during a run into an interrupt of the running thread,
 * so the run removes its container and ends on its own path, and holds the shutdown up to {@link #DEADLINE}
 * for it. The JVM then exits with the signal's code (130 for SIGINT, 143 for SIGTERM), as shells expect.
 * Open it around the work; {@link #close()} releases a waiting shutdown and unregisters the hook.
 */
final class ShutdownSignal implements AutoCloseable {
  /** Longest time the shutdown waits for the run to clean up. */
  static final Duration DEADLINE = Duration.ofSeconds(20);

  private final Thread worker = Thread.currentThread();
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onShutdown, "container-runtime-signal");
  private volatile boolean received;

  private ShutdownSignal() {}

  /** Watches for a shutdown on behalf of the calling thread. */
  static ShutdownSignal watch() {
    ShutdownSignal s = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /** True once the JVM began shutting down (a signal) while this was open. */
  boolean received() {
    return received;
  }

  private void onShutdown() {
    received = true;
    worker.interrupt();
    try {
      done.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Releases a shutdown waiting for the run; unregisters the hook when no shutdown is under way. */
  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running and now returns
    }
  }

  /** True when the JVM is shutting down: {@code System.exit} then must not be called (it would halt at once). */
  static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
