package org.containerops.tagging.api;

import java.nio.file.Path;
import java.util.List;

/** Progress of image-tagging operations. No-op defaults; implementations must be thread-safe. */
public interface TaggingListener {
  /** A listener that ignores everything. */
  TaggingListener NONE = new TaggingListener() {};

  /** A container for {@code image} started. */
  default void containerStarted(String image, String containerId) {}

  /** A tagger gave {@code value} (without prefix). */
  default void tagComputed(String tagger, String value) {}

  /** A manifest section was computed. */
  default void manifestComputed(String manifest) {}

  /** A file was written. */
  default void fileWritten(Path file) {}

  /** {@code tag} now points at {@code source}. */
  default void tagApplied(String source, String tag) {}

  /** A merged tag was created from {@code platformTags} (or computed only, when not pushing). */
  default void merged(String tag, List<String> platformTags, boolean pushed) {}

  /**
   * A phase of an operation ended: {@code engine connect}, {@code git}, {@code container start},
   * {@code commands} (every tagger, manifest and SBOM command), {@code container removal}, {@code files}
   * (image inspect, texts, writes), {@code apply tags}. Phases may overlap (git is read while the container starts).
   */
  default void phase(String phase, java.time.Duration took) {}

  /** Something was skipped or missing but the operation goes on (upstream logs a warning). */
  default void warning(String message) {}
}
