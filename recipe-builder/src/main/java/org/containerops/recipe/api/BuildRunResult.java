package org.containerops.recipe.api;

import java.util.List;

/**
 * The outcome of building several recipes in order.
 *
 * @param results one per recipe, in the order given (skipped ones included)
 */
public record BuildRunResult(List<BuildResult> results) {
  /** Copies the list. */
  public BuildRunResult {
    results = List.copyOf(results);
  }

  /** The results that are not {@link BuildResult.Status#BUILT}, in order. */
  public List<BuildResult> failures() {
    return results.stream().filter(BuildResult::failed).toList();
  }

  /** True when every recipe was built. */
  public boolean succeeded() {
    return failures().isEmpty();
  }
}
