package org.containerops.mirror.registry;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import land.oras.exception.OrasException;
import org.containerops.runtime.secret.SecretMask;
import org.containerops.runtime.transfer.TransferException;

/**
 * Timeouts and retries around registry calls (oras-java 0.7.0 has no request timeout): each attempt
 * runs on a daemon pool thread and is cancelled (interrupted) at its deadline; I/O errors, 408, 429 and
 * 5xx are retried with the policy's delays, other statuses and bodies that broke their bounds
 * ({@link TransferException}) are not. Messages are masked. Thread-safe; {@link #close()} stops the pool.
 */
final class RetryingCalls implements AutoCloseable {
  private final RetryPolicy retry;
  private final SecretMask mask;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "oci-call");
    t.setDaemon(true);
    return t;
  });

  RetryingCalls(RetryPolicy retry, SecretMask mask) {
    this.retry = retry;
    this.mask = mask;
  }

  /** Runs {@code task} on the pool without waiting (clean-up that may block). */
  void async(Callable<?> task) {
    pool.submit(task);
  }

  /**
   * Runs {@code body} on a pool thread with the policy's timeout and retries; blob transfers of
   * {@code bytes} get 1 s more per MiB on top of the timeout.
   *
   * @throws RegistryCallException naming {@code what} (credentials masked) when an attempt fails with a
   *     status that is not retried, a body broke its bounds, or every attempt failed
   */
  <T> T run(String what, Callable<T> body, long bytes) throws IOException {
    long deadline = retry.timeout().toMillis() + Math.max(0, bytes) / (1024 * 1024) * 1000;
    Throwable last = null;
    for (int attempt = 0; attempt <= retry.delays().size(); attempt++) {
      if (attempt > 0) {
        sleep(retry.delays().get(attempt - 1).toMillis());
      }
      CountDownLatch ended = new CountDownLatch(1);
      Future<T> f = pool.submit(() -> {
        try {
          return body.call();
        } finally {
          ended.countDown();
        }
      });
      try {
        return f.get(deadline, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);  // interrupts the read; the body's finally removes its temp file
        awaitEnd(ended);
        last = new IOException("timed out after " + deadline + " ms");
      } catch (ExecutionException e) {
        last = e.getCause();
        int status = last instanceof OrasException o ? status(o) : last instanceof IOException ? 0 : -1;
        if (status < 0 && !(last instanceof OrasException)) {
          throw new RegistryCallException(mask.mask(what + ": " + last), 0, null);
        }
        if (last instanceof TransferException) {  // a body that broke its descriptor or bound: not retried
          throw new RegistryCallException(mask.mask(what + ": " + last.getMessage()), 0, last);
        }
        if (!RetryPolicy.retryable(status)) {
          throw new RegistryCallException(mask.mask(what + ": " + describe(last)), status, null);
        }
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.currentThread().interrupt();
        throw new RegistryCallException(what + ": interrupted", 0, null);
      }
    }
    int status = last instanceof OrasException o ? Math.max(status(o), 0) : 0;
    throw new RegistryCallException(mask.mask(what + " failed after " + (retry.delays().size() + 1)
        + " attempts: " + describe(last)), status, null);
  }

  private static String describe(Throwable t) {
    if (t instanceof OrasException o && status(o) > 0) {
      String hint = status(o) == 401 || status(o) == 403
          ? " (unauthorized: set ORAS_USER and ORAS_PASS, or docker login)" : "";
      String error = o.getError() == null ? "" : " " + o.getError().code() + ": " + o.getError().message();
      return "HTTP " + o.getStatusCode() + (o.getMessage() == null ? "" : " " + o.getMessage()) + error + hint;
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return root == t ? msg : msg + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  static int status(OrasException e) {
    Integer s = e.getStatusCode();
    return s == null || s < 100 ? 0 : s;  // oras uses -1 when there was no response
  }

  /** Gives a cancelled body up to 1 s to run its own clean-up ({@link #fetchBlob} also cleans up after it). */
  private static void awaitEnd(CountDownLatch ended) {
    try {
      ended.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
