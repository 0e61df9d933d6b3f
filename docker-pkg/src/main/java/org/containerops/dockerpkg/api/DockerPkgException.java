package org.containerops.dockerpkg.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The one unchecked exception of docker-pkg: an expected failure with a {@link Reason} and, where
 * known, the file it is about. The message is one line meant for a user (the CLI prints it after
 * {@code docker-pkg: } and exits 1); it never contains a registry password.
 *
 * <p>Bad arguments to library calls are {@link IllegalArgumentException}s naming the field instead;
 * any other exception is a bug.
 */
public final class DockerPkgException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of step failed. */
  public enum Reason {
    /** Config file missing, unreadable, not YAML, or a key of the wrong type (upstream cli.py:129-156). */
    CONFIG,
    /** Image tree could not be scanned: malformed changelog or control, duplicate names (builder.py:250-291). */
    SCAN,
    /** A dependency cycle between images (builder.py:299-339 recursed forever instead). */
    CYCLE,
    /** A template failed to render (dockerfile.py, image.py:175-177). */
    RENDER,
    /** {@code update} could not prepare or write the changelogs (builder.py:355-389, image.py:98-169). */
    UPDATE,
    /** Writing output failed; nothing was left half-written. */
    IO,
    /** The container engine refused or failed an operation (build, pull, tag, push, remove, verify). */
    ENGINE,
    /** The registry could not be reached or answered with an error where it was needed. */
    REGISTRY
  }

  private final Reason reason;
  private final transient Path file;

  /**
   * @param reason what failed, not null
   * @param file the file the failure is about, or null
   * @param message one user-facing line
   * @param cause the underlying exception, or null
   */
  public DockerPkgException(Reason reason, Path file, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.file = file;
  }

  /** Same as {@code new DockerPkgException(reason, file, message, null)}. */
  public DockerPkgException(Reason reason, Path file, String message) {
    this(reason, file, message, null);
  }

  /** @return what kind of step failed, never null */
  public Reason reason() {
    return reason;
  }

  /** @return the file the failure is about, or null when there is none */
  public Path file() {
    return file;
  }
}
