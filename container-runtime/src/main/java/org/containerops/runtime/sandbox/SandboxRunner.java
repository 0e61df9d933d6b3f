package org.containerops.runtime.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.WaitContainerCondition;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxListener;
import org.containerops.runtime.api.SandboxResult;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.engine.Engine;
import org.containerops.runtime.protocol.ProtocolReply;
import org.containerops.runtime.protocol.RemoteError;
import org.containerops.runtime.secret.SecretMask;

/**
 * Runs one command in a fresh locked-down container and reads its one-JSON-blob reply; the Java form
 * of upstream's {@code run_container_operation} ({@code conda_forge_feedstock_ops/container_utils.py:109-241}).
 *
 * <p>Flow: inspect the image (user), create (auto-remove on), attach stdout/stderr, attach stdin if
 * any, start, wait with the spec's timeout (and for an output bound to be passed), drain output, check the
 * reply. Checks in order: timeout,
 * stdout over the bound, non-zero exit, malformed stdout, reported error. The container is removed in
 * every case: once it has exited the engine removes it (as {@code docker run --rm}) and the tracker
 * confirms that in the background ({@link ContainerTracker#awaitRemovals()}); when it did not exit
 * (timeout, output past a bound, interrupted caller, engine error) it is force-removed from a separate thread
 * within {@link #STOP_DEADLINE} before the call returns (the stream reader never calls the engine); at JVM
 * shutdown the tracker's hook removes what is left, within {@link ContainerTracker#SHUTDOWN_DEADLINE}.
 */
public final class SandboxRunner {
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  /** How long killing and removing a container that did not exit may take before the run gives up on it. */
  static final Duration STOP_DEADLINE = Duration.ofSeconds(10);
  /** How often the wait for the exit looks at the output bounds. */
  private static final long POLL_MILLIS = 50;
  private static final int COMMAND_DISPLAY_MAX = 200;

  private final DockerClient client;
  private final ContainerTracker tracker;
  private final UserResolver users;

  /** @param client the engine client; @param tracker owns the containers this runner creates */
  public SandboxRunner(DockerClient client, ContainerTracker tracker) {
    this.client = client;
    this.tracker = tracker;
    this.users = new UserResolver(client);
  }

  /**
   * Runs {@code spec} and returns its {@code data}.
   *
   * @throws ContainerRuntimeError on any failure; see {@link Reason}
   */
  public SandboxResult run(SandboxSpec spec, SandboxListener listener) {
    long startNanos = System.nanoTime();
    SecretMask mask = SecretMask.of(spec.secrets(), spec.env());
    List<String> command = mask.mask(spec.command());
    String user = users.resolve(spec, command);
    String id = SandboxContainer.create(client, tracker, spec, spec.command(), user, true, mask);
    String shortId = ContainerTracker.shortId(id);
    Failure fail = new Failure(spec, command, mask);
    OutputCollector out = new OutputCollector(spec.stdoutLimitBytes(), spec.stderrLimitBytes(), spec.stderrTailBytes(),
        mask, listener, shortId);
    StdinFeeder feeder = null;
    boolean interrupted = false;
    boolean exited = false;
    try {
      client.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).withLogs(false)
          .exec(out);
      out.awaitStarted(30, TimeUnit.SECONDS);
      if (spec.stdin().isPresent()) {
        feeder = StdinFeeder.attach(client, id, openStdin(spec, fail));
      }
      ExitWatch wait = client.waitContainerCmd(id).withCondition(WaitContainerCondition.NEXT_EXIT)
          .exec(new ExitWatch());
      client.startContainerCmd(id).exec();
      if (feeder != null) {
        feeder.containerStarted();
      }
      Integer exitCode = awaitExit(wait, spec.timeout(), out);
      if (exitCode == null && out.overflowed()) {
        boolean gone = tracker.removeWithin(id, STOP_DEADLINE);
        throw fail.error(Reason.OUTPUT_TOO_LARGE, overflowMessage(spec, out) + (gone ? "; container removed"
            : "; container removal goes on in the background"), null, null, out);
      }
      if (exitCode == null) {
        boolean gone = tracker.removeWithin(id, STOP_DEADLINE);
        throw fail.error(Reason.TIMEOUT, "timed out after " + spec.timeout().toSeconds() + " s; container "
            + (gone ? "removed" : "removal goes on in the background"), null, null, out);
      }
      exited = true;
      out.awaitCompletion(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return reply(spec, out, exitCode, fail, startNanos);
    } catch (InterruptedException e) {
      interrupted = true; // restored after clean-up: an interrupted thread cannot talk to the engine
      throw fail.error(Reason.INTERRUPTED, "interrupted; container stopped", null, null, out, e);
    } catch (ContainerRuntimeError e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail.error(Reason.ENGINE_ERROR, "engine error: " + mask.mask(Engine.rootMessage(e)), null, null, out,
          e);
    } finally {
      if (feeder != null) {
        feeder.close();
      }
      closeQuietly(out);
      if (exited) {
        tracker.removeLater(id); // the engine is already auto-removing it; no need to wait
      } else {
        tracker.removeWithin(id, STOP_DEADLINE); // no-op when already removed above
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private SandboxResult reply(SandboxSpec spec, OutputCollector out, int exitCode, Failure fail, long startNanos) {
    if (out.overflowed()) {
      throw fail.error(Reason.OUTPUT_TOO_LARGE, overflowMessage(spec, out), null, null, out);
    }
    byte[] stdout = out.stdout();
    ProtocolReply reply = null;
    String malformed = null;
    try {
      reply = ProtocolReply.parse(stdout);
    } catch (ProtocolReply.MalformedReplyException e) {
      malformed = e.getMessage();
    }
    RemoteError remote = reply == null ? null : reply.error().map(fail::mask).orElse(null);
    if (exitCode != 0) {
      String also = remote == null ? "" : "; it reported " + remote.summary();
      throw fail.error(Reason.NONZERO_EXIT, "exited with code " + exitCode + also, exitCode, remote, out);
    }
    if (reply == null) {
      throw fail.error(Reason.BAD_OUTPUT, malformed + " (" + stdout.length + " bytes)", exitCode, null, out);
    }
    if (remote != null) {
      throw fail.error(Reason.REMOTE_ERROR, "the container reported " + remote.summary(), exitCode, remote, out);
    }
    return new SandboxResult(reply.data(), reply.object(), fail.mask.mask(out.stderrTail()),
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private static String overflowMessage(SandboxSpec spec, OutputCollector out) {
    boolean stderr = "stderr".equals(out.overflowedStream());
    return out.overflowedStream() + " passed " + (stderr ? spec.stderrLimitBytes() : spec.stdoutLimitBytes())
        + " bytes";
  }

  /** The exit code, or null when {@code timeout} passed first or the output passed a bound. */
  private static Integer awaitExit(ExitWatch wait, Duration timeout, OutputCollector out)
      throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    try {
      while (!out.overflowed()) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        if (wait.ended.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS)) {
          return wait.awaitStatusCode();
        }
      }
      return null;
    } finally {
      closeQuietly(wait);
    }
  }

  /**
   * The engine's wait answer; {@code ended} opens when it has come (or failed), so the wait can be polled in
   * slices ({@code awaitCompletion(timeout)} would close the stream after the first slice).
   */
  private static final class ExitWatch extends WaitContainerResultCallback {
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onComplete() {
      super.onComplete();
      ended.countDown();
    }

    @Override
    public void onError(Throwable throwable) {
      try {
        super.onError(throwable);
      } finally {
        ended.countDown();
      }
    }
  }

  private static InputStream openStdin(SandboxSpec spec, Failure fail) {
    try {
      return spec.stdin().orElseThrow().open();
    } catch (IOException | RuntimeException e) {
      throw fail.error(Reason.ENGINE_ERROR, "cannot open stdin input: " + Engine.rootMessage(e), null, null, null, e);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // best effort
    }
  }

  /** Builds this run's errors: one short masked line, details in fields. */
  private static final class Failure {
    private final SandboxSpec spec;
    private final List<String> command;
    private final SecretMask mask;

    Failure(SandboxSpec spec, List<String> command, SecretMask mask) {
      this.spec = spec;
      this.command = command;
      this.mask = mask;
    }

    RemoteError mask(RemoteError e) {
      return new RemoteError(mask.mask(e.name()), mask.mask(e.message()), mask.mask(e.traceback()));
    }

    ContainerRuntimeError error(Reason reason, String what, Integer exitCode, RemoteError remote,
        OutputCollector out) {
      return error(reason, what, exitCode, remote, out, null);
    }

    ContainerRuntimeError error(Reason reason, String what, Integer exitCode, RemoteError remote,
        OutputCollector out, Throwable cause) {
      String shown = String.join(" ", command).replaceAll("\\s+", " ").strip();
      if (shown.length() > COMMAND_DISPLAY_MAX) {
        shown = shown.substring(0, COMMAND_DISPLAY_MAX) + "...";
      }
      String message = "running '" + shown + "' in " + spec.image() + ": " + what;
      String tail = out == null ? "" : mask.mask(out.stderrTail());
      return new ContainerRuntimeError(reason, message, spec.image(), command, exitCode, remote, tail, cause);
    }
  }

}
