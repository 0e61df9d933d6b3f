package org.containerops.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the containers one runtime created and removes them: one by one as runs end, all at
 * {@link #close()}, and all from a JVM shutdown hook if the process exits first. Containers carry the
 * labels {@value #MANAGED_LABEL}{@code =true} and {@value #SESSION_LABEL}{@code =<session id>}, so
 * {@link #reap(DockerClient, String)} can find them from another process (testcontainers'
 * {@code ResourceReaper} does the same). Thread-safe.
 */
public final class ContainerTracker implements AutoCloseable {
  /** Label on every container and image this project creates. */
  public static final String MANAGED_LABEL = "org.containerops.managed";
  /** Label holding the id of the runtime session that created a container. */
  public static final String SESSION_LABEL = "org.containerops.session";

  private static final Logger LOG = LoggerFactory.getLogger(ContainerTracker.class);

  private final DockerClient client;
  private final String sessionId = UUID.randomUUID().toString();
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();
  private final ExecutorService remover = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "containerops-remover");
    t.setDaemon(true);
    return t;
  });
  private final ExecutorService stopper = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "containerops-stopper");
    t.setDaemon(true);
    return t;
  });
  private final Thread shutdownHook;

  /** How long the JVM shutdown hook waits for removals before it lets the JVM exit. */
  public static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(15);

  /** Tracks containers for {@code client}; registers a shutdown hook until {@link #close()}. */
  public ContainerTracker(DockerClient client) {
    this.client = client;
    this.shutdownHook = new Thread(() -> removeAllWithin(SHUTDOWN_DEADLINE),
        "containerops-reaper-" + sessionId.substring(0, 8));
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** This tracker's session id (the {@value #SESSION_LABEL} value). */
  public String sessionId() {
    return sessionId;
  }

  /** The labels to put on a container so that this tracker owns it. */
  public Map<String, String> labels() {
    return Map.of(MANAGED_LABEL, "true", SESSION_LABEL, sessionId);
  }

  /** Records a created container. */
  public void created(String containerId) {
    live.add(containerId);
  }

  /**
   * Force-removes a container (and its anonymous volumes) and forgets it; returns once it is gone. A
   * container already gone, or being removed by the engine (auto-remove), is not an error.
   *
   * @return true when it is gone (removed now or before)
   */
  public boolean remove(String containerId) {
    try {
      client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // already removed
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("already in progress") || !awaitGone(containerId)) {
        LOG.warn("could not remove container {}: {}", shortId(containerId), Engine.rootMessage(e));
        return false;
      }
    }
    live.remove(containerId);
    return true;
  }

  /**
   * Force-removes a container (kill and remove) from a separate thread and waits at most {@code deadline}:
   * an engine call that hangs cannot hang the caller. When the deadline passes the removal goes on in the
   * background and the container stays tracked, so {@link #close()} and the shutdown hook try again.
   *
   * @return true when it is gone within the deadline
   */
  public boolean removeWithin(String containerId, Duration deadline) {
    Future<Boolean> f;
    try {
      f = stopper.submit(() -> remove(containerId));
    } catch (RejectedExecutionException closed) {
      return remove(containerId);
    }
    boolean interrupted = false;
    try {
      long until = System.nanoTime() + deadline.toNanos();
      while (true) {
        try {
          return f.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true; // the removal must still finish or time out; the interrupt is restored below
        }
      }
    } catch (TimeoutException e) {
      LOG.warn("removing container {} takes longer than {} s; it is removed in the background",
          shortId(containerId), deadline.toSeconds());
      return false;
    } catch (ExecutionException e) {
      LOG.warn("could not remove container {}: {}", shortId(containerId), Engine.rootMessage(e));
      return false;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Removes every tracked container in parallel, waiting at most {@code deadline} in all; for the JVM
   * shutdown hook, which must not keep a terminated process alive.
   *
   * @return how many were confirmed gone
   */
  public int removeAllWithin(Duration deadline) {
    long until = System.nanoTime() + deadline.toNanos();
    List<Future<Boolean>> removals = new ArrayList<>();
    for (String id : List.copyOf(live)) {
      FutureTask<Boolean> task = new FutureTask<>(() -> remove(id));
      Thread t = new Thread(task, "containerops-reaper-" + shortId(id));
      t.setDaemon(true);
      t.start();
      removals.add(task);
    }
    int gone = 0;
    for (Future<Boolean> f : removals) {
      try {
        if (f.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          gone++;
        }
      } catch (TimeoutException e) {
        LOG.warn("container removal did not finish within {} s; giving up", deadline.toSeconds());
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        LOG.warn("container removal failed: {}", Engine.rootMessage(e));
      }
    }
    return gone;
  }

  /**
   * Removes a container on a background thread: for containers that already exited and that the
   * engine auto-removes, so the caller need not wait for the removal. {@link #awaitRemovals()} and
   * {@link #close()} wait for it.
   */
  public void removeLater(String containerId) {
    Future<?>[] self = new Future<?>[1];
    synchronized (pending) {
      self[0] = remover.submit(() -> {
        remove(containerId);
        synchronized (pending) {
          pending.remove(self[0]);
        }
      });
      pending.add(self[0]);
    }
  }

  /** Waits until every {@link #removeLater} removal has finished (at most 30 s). */
  public void awaitRemovals() {
    List<Future<?>> waiting;
    synchronized (pending) {
      waiting = List.copyOf(pending);
    }
    for (Future<?> f : waiting) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warn("background container removal failed: {}", Engine.rootMessage(e));
      }
    }
  }

  private boolean awaitGone(String containerId) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try {
        client.inspectContainerCmd(containerId).exec();
        Thread.sleep(20);
      } catch (NotFoundException gone) {
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Containers created and not yet removed. */
  public Set<String> live() {
    return Set.copyOf(live);
  }

  /** Removes every container still tracked. */
  public void removeAll() {
    for (String id : List.copyOf(live)) {
      remove(id);
    }
  }

  /** Waits for background removals, removes what is left, unregisters the shutdown hook; idempotent. */
  @Override
  public void close() {
    awaitRemovals();
    remover.shutdown();
    removeAllWithin(SHUTDOWN_DEADLINE);
    stopper.shutdown();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException shuttingDownOrRemoved) {
      // the hook is running or was already removed
    }
  }

  /**
   * Force-removes every container labelled {@value #MANAGED_LABEL}, or only those of one session.
   *
   * @param sessionId a session id, or null for all of ours
   * @return how many containers were removed
   */
  public static int reap(DockerClient client, String sessionId) {
    List<Container> ours = listOurs(client, sessionId);
    int removed = 0;
    for (Container c : ours) {
      try {
        client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        removed++;
      } catch (NotFoundException gone) {
        // raced with another remover
      }
    }
    return removed;
  }

  /** Every container (running or not) labelled as ours, or as one session's. */
  public static List<Container> listOurs(DockerClient client, String sessionId) {
    String label = sessionId == null ? MANAGED_LABEL + "=true" : SESSION_LABEL + "=" + sessionId;
    return client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec();
  }

  /** The first 12 characters of a container id, as {@code docker ps} shows it. */
  public static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
