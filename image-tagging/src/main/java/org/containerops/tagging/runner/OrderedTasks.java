package org.containerops.tagging.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent tasks (taggers, manifests: each only reads the image) on up to {@code parallelism}
 * threads and returns their results in task order, so output stays identical to a sequential run. When
 * tasks fail, the failure of the first one in task order is thrown (what a sequential run would throw);
 * later tasks are cancelled.
 */
public final class OrderedTasks {
  private OrderedTasks() {}

  /**
   * @param parallelism 1 runs the tasks in the calling thread, one after the other (upstream's behaviour)
   * @return the results, in task order
   */
  public static <T> List<T> run(List<Supplier<T>> tasks, int parallelism) {
    if (parallelism <= 1 || tasks.size() <= 1) {
      List<T> out = new ArrayList<>();
      tasks.forEach(t -> out.add(t.get()));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()), r -> {
      Thread t = new Thread(r, "image-tagging-exec");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t::get)));
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          futures.forEach(x -> x.cancel(true));
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          futures.forEach(x -> x.cancel(true));
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
