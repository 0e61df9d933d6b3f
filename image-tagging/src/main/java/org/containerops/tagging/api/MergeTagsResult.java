package org.containerops.tagging.api;

import java.util.List;
import java.util.Optional;

/**
 * @param merged the merged tags handled, in upstream's order
 * @param skipped merged tags skipped (the SHA tag when not pushing; tags without any platform tag)
 */
public record MergeTagsResult(List<Merged> merged, List<String> skipped) {
  /** Copies the lists. */
  public MergeTagsResult {
    merged = List.copyOf(merged);
    skipped = List.copyOf(skipped);
  }

  /**
   * @param tag the merged tag, e.g. {@code quay.io/jupyter/base-notebook:latest}
   * @param platformTags the per-platform tags it lists, in platform order
   * @param index the index JSON (created, or what would be created in a dry run)
   * @param digest the index's digest when pushed
   */
  public record Merged(String tag, List<String> platformTags, String index, Optional<String> digest) {
    /** Copies the list. */
    public Merged {
      platformTags = List.copyOf(platformTags);
    }
  }
}
