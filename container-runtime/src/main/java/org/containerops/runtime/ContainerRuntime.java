package org.containerops.runtime;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.SandboxListener;
import org.containerops.runtime.api.SandboxResult;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.engine.Engine;
import org.containerops.runtime.image.Images;
import org.containerops.runtime.sandbox.SandboxRunner;
import org.containerops.runtime.session.ContainerSession;

/**
 * Entry point: runs sandboxed operations, container sessions and image operations on one engine.
 *
 * <pre>{@code
 * try (ContainerRuntime runtime = ContainerRuntime.connect()) {
 *   SandboxResult r = runtime.run(SandboxSpec.builder("containerops/test-sandbox")
 *       .command("sh", "-c", "echo '{\"data\": 42}'").build());
 *   r.data().asInt(); // 42
 * }
 * }</pre>
 *
 * <p>Every container it creates is labelled with this runtime's session id and removed when its run
 * ends, at {@link #close()}, or from a JVM shutdown hook. Thread-safe: runs may go on in parallel.
 */
public final class ContainerRuntime implements AutoCloseable {
  /** How long {@link #connect()} waits for the engine to answer. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final Engine engine;
  private final ContainerTracker tracker;
  private final SandboxRunner runner;
  private final Images images;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ContainerRuntime(Engine engine) {
    this.engine = engine;
    this.tracker = new ContainerTracker(engine.client());
    this.runner = new SandboxRunner(engine.client(), tracker);
    this.images = new Images(engine.client());
  }

  /**
   * Connects to the engine named by {@code DOCKER_HOST}, or the default socket.
   *
   * @throws ContainerRuntimeError {@code ENGINE_UNAVAILABLE} when none answers, saying how to start one
   */
  public static ContainerRuntime connect() {
    return new ContainerRuntime(Engine.fromEnvironment(CONNECT_TIMEOUT));
  }

  /**
   * Runs one sandboxed operation; see {@link SandboxRunner#run}.
   *
   * @return the reply's {@code data} and metadata
   * @throws ContainerRuntimeError on any failure; the container is removed in every case
   */
  public SandboxResult run(SandboxSpec spec) {
    return run(spec, SandboxListener.NONE);
  }

  /** {@link #run(SandboxSpec)} reporting stderr lines live to {@code listener}. */
  public SandboxResult run(SandboxSpec spec, SandboxListener listener) {
    ensureOpen();
    return runner.run(spec, listener);
  }

  /**
   * Starts a long-lived container for several {@code exec} calls; close it when done.
   *
   * @throws ContainerRuntimeError when it cannot start; nothing is left behind
   */
  public ContainerSession startSession(SandboxSpec spec) {
    ensureOpen();
    return ContainerSession.start(engine.client(), tracker, spec);
  }

  /** Image build, import and removal on this engine. */
  public Images images() {
    return images;
  }

  /** The docker-java client, for operations this API does not cover. Owned by this runtime. */
  public DockerClient client() {
    return engine.client();
  }

  /**
   * Waits until the removals of exited containers, which finish in the background, are done. Runs
   * return as soon as the container has exited and its output is read; the engine removes it (as
   * {@code docker run --rm}) and this runtime confirms it. {@link #close()} waits too.
   */
  public void awaitRemovals() {
    tracker.awaitRemovals();
  }

  /** The engine connection (host, version). */
  public Engine engine() {
    return engine;
  }

  /** The id in the {@value ContainerTracker#SESSION_LABEL} label of this runtime's containers. */
  public String sessionId() {
    return tracker.sessionId();
  }

  /** Removes containers still running for this runtime and closes the connection; idempotent. */
  @Override
  public void close() {
    if (!closed.getAndSet(true)) {
      try {
        tracker.close();
      } finally {
        engine.close();
      }
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this ContainerRuntime is closed");
    }
  }
}
