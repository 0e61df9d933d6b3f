package org.containerops.tagging.api;

import java.util.List;

/** @param applied the tags now pointing at the image, in file order */
public record ApplyTagsResult(List<String> applied) {
  /** Copies the list. */
  public ApplyTagsResult {
    applied = List.copyOf(applied);
  }
}
