package org.containerops.tagging.api;

import java.nio.file.Path;
import java.util.List;

/**
 * @param file the tags file written
 * @param tags its lines: the {@code -latest} tag first, then one per tagger in hierarchy order
 */
public record WriteTagsResult(Path file, List<String> tags) {
  /** Copies the list. */
  public WriteTagsResult {
    tags = List.copyOf(tags);
  }
}
