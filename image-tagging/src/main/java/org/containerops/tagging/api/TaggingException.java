package org.containerops.tagging.api;

import java.util.Optional;

/**
 * The one failure type of image-tagging. {@link #reason()} says what went wrong; {@link #step()} names the
 * tagger or manifest (upstream logs its Python {@code __name__}), {@link #image()} the image and
 * {@link #command()} the command run in it, when they apply. The message is one line.
 */
public final class TaggingException extends RuntimeException {
  /** What went wrong. */
  public enum Reason {
    /** A command exited non-zero inside the image (upstream: {@code AssertionError("Command: `cmd` failed")}). */
    COMMAND_FAILED,
    /** A command printed nothing where upstream's {@code quoted_output} asserts output. */
    EMPTY_OUTPUT,
    /** A command's output did not have the shape a tagger parses (e.g. no {@code VERSION_ID}). */
    UNEXPECTED_OUTPUT,
    /** The image is not present locally (nothing is pulled). */
    IMAGE_NOT_FOUND,
    /** The engine failed (start, exec, tag, inspect). */
    ENGINE_ERROR,
    /** The image is not in the hierarchy, or the hierarchy file is invalid. */
    HIERARCHY,
    /** The git repository could not be read. */
    GIT,
    /** A file could not be read or written. */
    IO,
    /** A registry request failed. */
    REGISTRY,
    /** A tag has no manifest in the registry (upstream: {@code ManifestNotFoundError}). */
    MANIFEST_NOT_FOUND,
    /** A tags file is missing or nothing is there to merge while pushing. */
    NOTHING_TO_DO
  }

  private final Reason reason;
  private final String step;
  private final String image;
  private final String command;
  private final Integer exitCode;
  private final String output;

  /** A failure without tagger, image or command. */
  public TaggingException(Reason reason, String message, Throwable cause) {
    this(reason, message, null, null, null, null, null, cause);
  }

  /** A failure with all fields; null for those that do not apply. */
  public TaggingException(Reason reason, String message, String step, String image, String command, Integer exitCode,
      String output, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.step = step;
    this.image = image;
    this.command = command;
    this.exitCode = exitCode;
    this.output = output;
  }

  /**
   * This failure attributed to a tagger or manifest: the message gains the prefix
   * {@code "<step> on <image>: "}. Returns this exception when a step is already set.
   */
  public TaggingException inStep(String stepName) {
    if (step != null) {
      return this;
    }
    String prefix = stepName + (image == null ? "" : " on " + image) + ": ";
    return new TaggingException(reason, prefix + getMessage(), stepName, image, command, exitCode, output, this);
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }

  /** The tagger or manifest name, e.g. {@code python_tagger}. */
  public Optional<String> step() {
    return Optional.ofNullable(step);
  }

  /** The image the command ran in. */
  public Optional<String> image() {
    return Optional.ofNullable(image);
  }

  /** The command as written (before splitting), e.g. {@code python --version}. */
  public Optional<String> command() {
    return Optional.ofNullable(command);
  }

  /** The command's exit code. */
  public Optional<Integer> exitCode() {
    return Optional.ofNullable(exitCode);
  }

  /** The command's merged stdout and stderr (right-stripped). */
  public Optional<String> output() {
    return Optional.ofNullable(output);
  }
}
