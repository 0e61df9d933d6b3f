package org.containerops.runtime.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.containerops.runtime.api.SandboxListener;
import org.containerops.runtime.secret.SecretMask;
import org.containerops.runtime.stream.LineSplitter;
import org.containerops.runtime.stream.TailBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a container's attached stdout and stderr frames: keeps stdout up to a bound (the whole
 * reply), keeps a bounded tail of stderr, and streams stderr lines live (masked) to the logger
 * {@code org.containerops.runtime.stderr} at INFO and to a {@link SandboxListener}. When stdout passes
 * the bound it stops keeping it and runs {@code onOverflow} once (the runner kills the container).
 */
final class OutputCollector extends ResultCallback.Adapter<Frame> {
  private static final Logger STDERR_LOG = LoggerFactory.getLogger("org.containerops.runtime.stderr");

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final long stdoutLimit;
  private final TailBuffer stderrTail;
  private final LineSplitter stderrLines;
  private final Runnable onOverflow;
  private final AtomicBoolean overflowed = new AtomicBoolean();

  OutputCollector(long stdoutLimit, int stderrTailBytes, SecretMask mask, SandboxListener listener,
      String shortId, Runnable onOverflow) {
    this.stdoutLimit = stdoutLimit;
    this.stderrTail = new TailBuffer(stderrTailBytes);
    this.onOverflow = onOverflow;
    this.stderrLines = new LineSplitter(line -> {
      String masked = mask.mask(line);
      STDERR_LOG.info("[{}] {}", shortId, masked);
      listener.stderrLine(shortId, masked);
    });
  }

  @Override
  public void onNext(Frame frame) {
    byte[] payload = frame.getPayload();
    if (payload == null || payload.length == 0) {
      return;
    }
    if (frame.getStreamType() == StreamType.STDERR) {
      synchronized (stderrLines) {
        stderrTail.write(payload, 0, payload.length);
        stderrLines.write(payload, 0, payload.length);
      }
    } else if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
      synchronized (stdout) {
        if (overflowed.get()) {
          return;
        }
        if (stdout.size() + (long) payload.length > stdoutLimit) {
          overflowed.set(true);
          stdout.reset();
          onOverflow.run();
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

  /** True once stdout passed the bound. */
  boolean overflowed() {
    return overflowed.get();
  }

  /** The end of stderr as text, not yet masked. */
  String stderrTail() {
    return stderrTail.text();
  }
}
