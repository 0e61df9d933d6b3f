package org.containerops.tagging.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Upstream's {@code write_tags_file} ({@code tagging/apps/write_tags_file.py}).
 *
 * @param target the image
 * @param tagsDir where {@code {platform}-{variant}-{image}.txt} goes (created)
 */
public record WriteTagsSpec(TargetImage target, Path tagsDir) {
  /** Checks for nulls. */
  public WriteTagsSpec {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(tagsDir, "tagsDir");
  }
}
