package org.containerops.dockerpkg.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;

/**
 * Applies a function to every item on a bounded pool of threads (upstream docker-pkg's
 * {@code ThreadPoolExecutor(max_workers=scan_workers)} in {@code builder.py}), keeping the items' order.
 * Used where docker-pkg renders, plans or reads image states concurrently.
 */
public final class ParallelMap {
  private ParallelMap() {}

  /**
   * @param items what to work on; the result has one entry per item, in the same order
   * @param workers the most threads, &gt;= 1 (fewer when there are fewer items)
   * @param fn the work for one item; must be thread-safe
   * @param reason the reason of the {@link DockerPkgException} for a checked failure or an interrupt
   * @param failure the message prefix for a checked failure (its cause is appended)
   * @param interrupted the message when the calling thread is interrupted
   * @throws RuntimeException the first (in item order) unchecked exception {@code fn} threw, as thrown
   * @throws DockerPkgException for anything else, with {@code reason}
   */
  public static <T, R> List<R> map(List<T> items, int workers, Function<T, R> fn, Reason reason, String failure,
      String interrupted) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, items.size())));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> fn.apply(item)));
      }
      List<R> out = new ArrayList<>(items.size());
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new DockerPkgException(reason, null, failure + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerPkgException(reason, null, interrupted, e);
    } finally {
      pool.shutdownNow();
    }
  }
}
