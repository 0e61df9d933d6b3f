package org.containerops.dockerpkg.api;

import java.util.List;

/**
 * The report of a build run.
 *
 * @param images one report per image of the plan (selected images and the dependencies built for
 *     them), in build order
 * @param warnings run-level warnings (unreachable registry, base image not pulled, …), in order
 */
public record BuildResult(List<ImageReport> images, List<String> warnings) {
  public BuildResult {
    images = List.copyOf(images);
    warnings = List.copyOf(warnings);
  }

  /** @return the failed and skipped images, in build order */
  public List<ImageReport> failures() {
    return images.stream().filter(i -> i.outcome().isFailure()).toList();
  }

  /** @return true when no image failed or was skipped */
  public boolean ok() {
    return failures().isEmpty();
  }
}
