package org.containerops.dockerpkg.api;

import java.nio.file.Path;

/**
 * Progress and warnings of a docker-pkg run. All methods have no-op defaults; implementations
 * must be thread-safe. Libraries never print: the CLI prints these to stderr, tests record them.
 */
public interface DockerPkgListener {
  /** A listener that ignores everything. */
  DockerPkgListener NONE = new DockerPkgListener() {};

  /**
   * Something worth a user's attention that does not fail the run, e.g. a half image directory
   * (upstream builder.py:264-270), an unknown uid (dockerfile.py:69-82) or an {@code image_tag}
   * reference that the control file does not declare.
   *
   * @param image short image name, or null when the warning is about no single image
   * @param message one line
   */
  default void warning(String image, String message) {}

  /** A Dockerfile was written to {@code file}. */
  default void rendered(String image, Path file) {}

  /** A changelog got a new entry with {@code version}. */
  default void updated(String image, String version, Path changelog) {}

  /**
   * A build run reached a step for an image: {@code scanning}, {@code pulling X}, {@code building},
   * {@code building artifacts}, {@code verifying}, {@code publishing}, or a run-level step when
   * {@code image} is null.
   */
  default void step(String image, String message) {}

  /** One line of the engine's build output for {@code image} (upstream logged it at INFO). */
  default void buildLog(String image, String line) {}

  /** An image of a build run is done (any outcome). */
  default void imageDone(ImageReport report) {}

  /** {@code prune} removed {@code ref}. */
  default void pruned(String image, String ref) {}
}
