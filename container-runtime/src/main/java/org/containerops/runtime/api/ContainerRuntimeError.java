package org.containerops.runtime.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.containerops.runtime.protocol.RemoteError;

/**
 * A sandboxed operation, or the engine behind it, failed.
 *
 * <p>Upstream's {@code ContainerRuntimeError} ({@code conda_forge_feedstock_ops/container_utils.py:19-27})
 * packs the whole command and output into one message; users paste multi-megabyte conda-smithy logs
 * from it. Here the message is one short line and the details are fields: the image, the command
 * (secrets masked), the exit code, the container's own error and traceback, and a bounded tail of
 * stderr (secrets masked). Unchecked.
 */
public final class ContainerRuntimeError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the operation failed. */
  public enum Reason {
    /** No Docker engine answers, or it speaks an older API than 1.41. */
    ENGINE_UNAVAILABLE,
    /** The image is not present locally (nothing is pulled). */
    IMAGE_NOT_FOUND,
    /** The image would run as root and root was not asked for. */
    ROOT_NOT_ALLOWED,
    /** The container exited with a non-zero code. */
    NONZERO_EXIT,
    /** The container reported an error in its JSON reply. */
    REMOTE_ERROR,
    /** stdout was not exactly one JSON object with {@code data}. */
    BAD_OUTPUT,
    /** stdout passed the spec's bound; the container was killed. */
    OUTPUT_TOO_LARGE,
    /** The spec's timeout passed; the container was killed. */
    TIMEOUT,
    /** The calling thread was interrupted; the container was removed. */
    INTERRUPTED,
    /** An image build or import failed. */
    IMAGE_BUILD_FAILED,
    /** The engine refused or failed a request. */
    ENGINE_ERROR
  }

  private final Reason reason;
  private final String image;
  private final List<String> command;
  private final Integer exitCode;
  private final RemoteError remoteError;
  private final String stderrTail;

  /**
   * @param reason why
   * @param message one line, secrets already masked
   * @param image the image, or null
   * @param command argv with secrets masked (empty when not a run)
   * @param exitCode the container's exit code, or null when it did not exit by itself
   * @param remoteError the error from the container's reply, or null
   * @param stderrTail the end of stderr, masked, or empty
   * @param cause the underlying exception, or null
   */
  public ContainerRuntimeError(Reason reason, String message, String image, List<String> command,
      Integer exitCode, RemoteError remoteError, String stderrTail, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.image = image;
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.remoteError = remoteError;
    this.stderrTail = stderrTail == null ? "" : stderrTail;
  }

  /** An engine-level failure with no run context. */
  public static ContainerRuntimeError engine(Reason reason, String message, Throwable cause) {
    return new ContainerRuntimeError(reason, message, null, List.of(), null, null, "", cause);
  }

  /** Why it failed. */
  public Reason reason() {
    return reason;
  }

  /** The image the operation ran, if any. */
  public Optional<String> image() {
    return Optional.ofNullable(image);
  }

  /** The argv, secrets masked; empty when the failure was not a run. */
  public List<String> command() {
    return command;
  }

  /** The container's exit code; empty when it was killed or never ran. */
  public OptionalInt exitCode() {
    return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  /** The error the container reported in its reply (name, message, traceback). */
  public Optional<RemoteError> remoteError() {
    return Optional.ofNullable(remoteError);
  }

  /** The last bytes of stderr (at most the spec's {@code stderrTailBytes}), secrets masked. */
  public String stderrTail() {
    return stderrTail;
  }
}
