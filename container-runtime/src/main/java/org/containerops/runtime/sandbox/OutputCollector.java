package org.containerops.runtime.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import org.containerops.runtime.api.SandboxListener;
import org.containerops.runtime.secret.SecretMask;
import org.containerops.runtime.stream.LineSplitter;
import org.containerops.runtime.stream.TailBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a container's attached stdout and stderr frames: keeps stdout up to a bound (the whole
 * reply), keeps a bounded tail of stderr, and streams stderr lines live (masked) to the logger
 * {@code org.containerops.runtime.stderr} at INFO and to a {@link SandboxListener}.
 *
 * <p>When stdout or stderr passes its bound it only records that ({@link #overflowed()}) and from then on
 * drops every frame unread, so the engine's attach stream never backs up. It never calls the engine: the
 * runner sees the flag and kills the container from its own thread, with a deadline (a kill sent from this
 * callback thread blocked forever when nobody drained the stream, issue 17 §2).
 */
final class OutputCollector extends ResultCallback.Adapter<Frame> {
  private static final Logger STDERR_LOG = LoggerFactory.getLogger("org.containerops.runtime.stderr");

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final long stdoutLimit;
  private final TailBuffer stderrTail;
  private final LineSplitter stderrLines;
  private final long stderrLimit;
  private long stderrBytes;
  private volatile StreamType overflowed;

  OutputCollector(long stdoutLimit, long stderrLimit, int stderrTailBytes, SecretMask mask, SandboxListener listener,
      String shortId) {
    this.stdoutLimit = stdoutLimit;
    this.stderrLimit = stderrLimit;
    this.stderrTail = new TailBuffer(stderrTailBytes);
    this.stderrLines = new LineSplitter(line -> {
      String masked = mask.mask(line);
      STDERR_LOG.info("[{}] {}", shortId, masked);
      listener.stderrLine(shortId, masked);
    });
  }

  @Override
  public void onNext(Frame frame) {
    byte[] payload = frame.getPayload();
    if (payload == null || payload.length == 0 || overflowed != null) {
      return; // past a bound: drain and drop, the runner kills the container
    }
    if (frame.getStreamType() == StreamType.STDERR) {
      synchronized (stderrLines) {
        stderrBytes += payload.length;
        if (stderrBytes > stderrLimit) {
          overflowed = StreamType.STDERR;
          return;
        }
        stderrTail.write(payload, 0, payload.length);
        stderrLines.write(payload, 0, payload.length);
      }
    } else if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
      synchronized (stdout) {
        if (stdout.size() + (long) payload.length > stdoutLimit) {
          stdout.reset();
          overflowed = StreamType.STDOUT;
          return;
        }
        stdout.write(payload, 0, payload.length);
      }
    }
  }

  @Override
  public void onComplete() {
    synchronized (stderrLines) {
      stderrLines.flush();
    }
    super.onComplete();
  }

  /** stdout so far; empty after an overflow. */
  byte[] stdout() {
    synchronized (stdout) {
      return stdout.toByteArray();
    }
  }

  /** True once stdout or stderr passed its bound. */
  boolean overflowed() {
    return overflowed != null;
  }

  /** {@code "stdout"} or {@code "stderr"}: the stream that passed its bound first; null when none did. */
  String overflowedStream() {
    StreamType t = overflowed;
    return t == null ? null : t == StreamType.STDERR ? "stderr" : "stdout";
  }

  /** The end of stderr as text, not yet masked. */
  String stderrTail() {
    return stderrTail.text();
  }
}
