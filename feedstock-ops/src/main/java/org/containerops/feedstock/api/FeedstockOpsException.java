package org.containerops.feedstock.api;

import java.util.Optional;
import org.containerops.runtime.protocol.RemoteError;

/**
 * A feedstock operation failed. The message is one short line naming the operation and the
 * feedstock, e.g. {@code rerender of llvmdev-feedstock failed: RuntimeError: Failed to rerender.}
 * (upstream pastes the whole conda-smithy log into the message, conda-forge/opencv-feedstock#280).
 * The container's error, its traceback and a bounded tail of its stderr are separate fields.
 * Unchecked.
 */
public final class FeedstockOpsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the operation failed. */
  public enum Reason {
    /** The input is unusable: not a directory, not a git work tree, a bad option. */
    BAD_INPUT,
    /** The operation reported an error (the container's {@code error}, or a local tool failure). */
    OPERATION_FAILED,
    /** A tool the operation needs (conda-smithy, the solver) is not in the image. */
    TOOL_MISSING,
    /** The container exited non-zero or did not print one JSON reply. */
    CONTAINER_FAILED,
    /** The host-side timeout passed; the container was killed. */
    TIMEOUT,
    /** The operation's image is not on the engine (nothing is pulled); the message says how to build it. */
    IMAGE_MISSING,
    /** No engine, or an engine error. */
    ENGINE,
    /** Applying the container's patch to the feedstock, or staging it, failed. */
    GIT_FAILED,
    /** The recipe could not be rendered natively. */
    RECIPE,
    /** A local file operation failed (copying the feedstock, the temp dir). */
    IO_FAILED
  }

  private final Reason reason;
  private final String operation;
  private final String feedstock;
  private final transient RemoteError remoteError;
  private final String stderrTail;

  /**
   * @param reason why
   * @param operation upstream's operation name, e.g. {@code rerender}
   * @param feedstock the feedstock directory's name
   * @param detail one line saying what went wrong
   * @param remoteError the container's error and traceback, or null
   * @param stderrTail the end of the container's stderr (bounded), or empty
   * @param cause the underlying exception, or null
   */
  public FeedstockOpsException(Reason reason, String operation, String feedstock, String detail,
      RemoteError remoteError, String stderrTail, Throwable cause) {
    super(operation + " of " + feedstock + " failed: " + firstLine(detail), cause);
    this.reason = reason;
    this.operation = operation;
    this.feedstock = feedstock;
    this.remoteError = remoteError;
    this.stderrTail = stderrTail == null ? "" : stderrTail;
  }

  /** Why it failed. */
  public Reason reason() {
    return reason;
  }

  /** The operation, e.g. {@code rerender}. */
  public String operation() {
    return operation;
  }

  /** The feedstock directory's name. */
  public String feedstock() {
    return feedstock;
  }

  /** The error the container reported: name, full message and traceback. */
  public Optional<RemoteError> remoteError() {
    return Optional.ofNullable(remoteError);
  }

  /** The last bytes of the container's stderr (at most 64 KiB), secrets masked; may be empty. */
  public String stderrTail() {
    return stderrTail;
  }

  private static String firstLine(String s) {
    String line = s == null ? "" : s.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
