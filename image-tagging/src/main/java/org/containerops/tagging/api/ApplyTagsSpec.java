package org.containerops.tagging.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Upstream's {@code apply_tags} ({@code tagging/apps/apply_tags.py}).
 *
 * @param target the image; {@code registry/owner/image} (its {@code :latest}) is the source of every tag
 * @param platform whose tags file to read
 * @param tagsDir where the tags file is
 */
public record ApplyTagsSpec(TargetImage target, Platform platform, Path tagsDir) {
  /** Checks for nulls. */
  public ApplyTagsSpec {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(tagsDir, "tagsDir");
  }
}
