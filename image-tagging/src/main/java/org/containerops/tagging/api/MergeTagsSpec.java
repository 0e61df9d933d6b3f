package org.containerops.tagging.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Upstream's {@code merge_tags} ({@code tagging/apps/merge_tags.py}) and {@code calculate_image_ref}.
 *
 * @param image short image name
 * @param variant variant, {@code default} for none
 * @param tagsDir where the per-platform tags files are
 * @param push upstream's {@code PUSH_TO_REGISTRY}: create the indexes (else a dry run that skips the SHA
 *     tag and only warns about missing platform tags)
 * @param platform for {@link org.containerops.tagging.ImageTagging#imageRef}: use this platform's
 *     {@code -latest} tag
 */
public record MergeTagsSpec(String image, String variant, Path tagsDir, boolean push, Optional<Platform> platform) {
  /** Checks for nulls. */
  public MergeTagsSpec {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(tagsDir, "tagsDir");
    Objects.requireNonNull(platform, "platform");
  }

  /** Upstream reads {@code PUSH_TO_REGISTRY}: true iff it equals {@code true}, ignoring case. */
  public static boolean pushFromEnvironment() {
    return "true".equalsIgnoreCase(System.getenv("PUSH_TO_REGISTRY"));
  }
}
