package org.containerops.runtime.session;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.engine.Engine;
import org.containerops.runtime.sandbox.SandboxContainer;
import org.containerops.runtime.sandbox.UserResolver;
import org.containerops.runtime.secret.SecretMask;

/**
 * A long-lived locked-down container that runs several commands: the Java form of docker-stacks'
 * {@code DockerRunner} ({@code tagging/utils/docker_runner.py}), which starts
 * {@code sleep infinity} (keeping the image's ENTRYPOINT) and execs each tagger in it. Same lock-down and
 * user rules as a sandbox run; the spec's command is the keep-alive command ({@value #KEEP_ALIVE} when
 * empty). {@link #close()} removes the container; thread-safe for concurrent {@link #exec} calls.
 *
 * <p>To describe a trusted image exactly as {@code DockerRunner} shows it (writable root filesystem, the
 * image's {@code /tmp}, engine-default ulimits and capabilities, the image's {@code USER} even when root),
 * build the spec with {@link SandboxSpec.Builder#trustedImageAsBuilt()}; never for untrusted work.
 */
public final class ContainerSession implements AutoCloseable {
  /** Keep-alive command used when the spec has none. */
  public static final String KEEP_ALIVE = "sleep infinity";

  private final DockerClient client;
  private final ContainerTracker tracker;
  private final SandboxSpec spec;
  private final String containerId;
  private final String user;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ContainerSession(DockerClient client, ContainerTracker tracker, SandboxSpec spec, String containerId,
      String user) {
    this.client = client;
    this.tracker = tracker;
    this.spec = spec;
    this.containerId = containerId;
    this.user = user;
  }

  /**
   * Creates and starts the container.
   *
   * @throws ContainerRuntimeError when the image is missing, would run as root unasked, or the engine fails;
   *     nothing is left behind
   */
  public static ContainerSession start(DockerClient client, ContainerTracker tracker, SandboxSpec spec) {
    SecretMask mask = SecretMask.of(spec.secrets(), spec.env());
    List<String> command = spec.command().isEmpty() ? List.of("sleep", "infinity") : spec.command();
    String user = new UserResolver(client).resolve(spec, mask.mask(command));
    String id = SandboxContainer.create(client, tracker, spec, command, user, false, mask);
    try {
      client.startContainerCmd(id).exec();
      return new ContainerSession(client, tracker, spec, id, user);
    } catch (RuntimeException e) {
      tracker.remove(id);
      throw new ContainerRuntimeError(Reason.ENGINE_ERROR, "cannot start a session container of '" + spec.image()
          + "': " + mask.mask(Engine.rootMessage(e)), spec.image(), mask.mask(command), null, null, "", e);
    }
  }

  /** The container id. */
  public String containerId() {
    return containerId;
  }

  /** The user commands run as; blank means the image's own (trusted image as built, no {@code USER}). */
  public String user() {
    return user;
  }

  /**
   * Runs {@code argv} (no shell) in the container, as the session's user.
   *
   * @param argv the command and its arguments
   * @param timeout how long to wait for it
   * @return its exit code and output; a non-zero exit is returned, not thrown
   * @throws ContainerRuntimeError with {@link Reason#TIMEOUT} when it does not finish in time,
   *     {@link Reason#OUTPUT_TOO_LARGE} when its stdout or stderr passes the spec's bound (the rest is not
   *     read; the session stays usable),
   *     {@link Reason#INTERRUPTED} when the caller is interrupted, {@link Reason#ENGINE_ERROR} otherwise
   */
  public ExecResult exec(List<String> argv, Duration timeout) {
    if (closed.get()) {
      throw new IllegalStateException("session " + ContainerTracker.shortId(containerId) + " is closed");
    }
    SecretMask mask = SecretMask.of(spec.secrets(), spec.env());
    Collector out = new Collector(spec.stdoutLimitBytes(), spec.stderrLimitBytes());
    boolean interrupted = false;
    try {
      ExecCreateCmd create = client.execCreateCmd(containerId).withCmd(argv.toArray(String[]::new))
          .withAttachStdout(true).withAttachStderr(true);
      if (!user.isBlank()) {
        create.withUser(user);
      }
      ExecCreateCmdResponse exec = create.exec();
      client.execStartCmd(exec.getId()).withDetach(false).withTty(false).exec(out);
      if (!out.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw error(Reason.TIMEOUT, argv, mask, "did not finish within " + timeout.toSeconds() + " s", null);
      }
      if (out.overflowed != null) {
        throw error(Reason.OUTPUT_TOO_LARGE, argv, mask, out.overflowed + " passed " + (out.overflowed.equals("stderr")
            ? spec.stderrLimitBytes() : spec.stdoutLimitBytes()) + " bytes; the rest was not read", null);
      }
      out.awaitCompletion(5, TimeUnit.SECONDS); // the stream has ended: surfaces a stream error, if any
      Long exit = client.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
      return new ExecResult(exit == null ? -1 : exit.intValue(), out.stdout.toByteArray(), out.stderr.toByteArray(),
          out.merged.toByteArray());
    } catch (InterruptedException e) {
      interrupted = true;
      throw error(Reason.INTERRUPTED, argv, mask, "interrupted", e);
    } catch (ContainerRuntimeError e) {
      throw e;
    } catch (RuntimeException e) {
      throw error(Reason.ENGINE_ERROR, argv, mask, mask.mask(Engine.rootMessage(e)), e);
    } finally {
      try {
        out.close();
      } catch (Exception ignored) {
        // stream already closed
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private ContainerRuntimeError error(Reason reason, List<String> argv, SecretMask mask, String what, Throwable cause) {
    List<String> shown = mask.mask(argv);
    return new ContainerRuntimeError(reason, "exec '" + String.join(" ", shown) + "' in " + spec.image() + ": " + what,
        spec.image(), shown, null, null, "", cause);
  }

  /** Stops and removes the container; idempotent. */
  @Override
  public void close() {
    if (!closed.getAndSet(true)) {
      tracker.remove(containerId);
    }
  }

  /**
   * Keeps an exec's output up to the spec's stdout and stderr bounds. Past a bound it records that, drops the
   * frame, and ends the wait; it never calls the engine. {@code ended} opens when the stream ends, fails or
   * passes a bound.
   */
  private static final class Collector extends ResultCallback.Adapter<Frame> {
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final ByteArrayOutputStream merged = new ByteArrayOutputStream();
    final CountDownLatch ended = new CountDownLatch(1);
    private final long stdoutLimit;
    private final long stderrLimit;
    volatile String overflowed;

    Collector(long stdoutLimit, long stderrLimit) {
      this.stdoutLimit = stdoutLimit;
      this.stderrLimit = stderrLimit;
    }

    @Override
    public synchronized void onNext(Frame frame) {
      byte[] p = frame.getPayload();
      if (p == null || overflowed != null) {
        return;
      }
      boolean isErr = frame.getStreamType() == StreamType.STDERR;
      ByteArrayOutputStream target = isErr ? stderr : stdout;
      if (target.size() + (long) p.length > (isErr ? stderrLimit : stdoutLimit)) {
        overflowed = isErr ? "stderr" : "stdout";
        ended.countDown();
        return;
      }
      target.write(p, 0, p.length);
      merged.write(p, 0, p.length);
    }

    @Override
    public void onComplete() {
      super.onComplete();
      ended.countDown();
    }

    @Override
    public void onError(Throwable t) {
      try {
        super.onError(t);
      } finally {
        ended.countDown();
      }
    }
  }
}
