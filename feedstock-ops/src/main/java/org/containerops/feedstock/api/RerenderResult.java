package org.containerops.feedstock.api;

import java.util.List;
import java.util.Optional;

/**
 * What {@code rerender} did.
 *
 * @param commitMessage conda-smithy's commit message ({@code MNT: Re-rendered with ...}); empty when
 *     nothing changed (upstream returns {@code None})
 * @param changedFiles paths the patch touched, relative to the feedstock, sorted; these were staged
 */
public record RerenderResult(Optional<String> commitMessage, List<String> changedFiles) {
  /** Copies. */
  public RerenderResult {
    changedFiles = List.copyOf(new java.util.TreeSet<>(changedFiles));
  }

  /** Nothing changed. */
  public static RerenderResult unchanged() {
    return new RerenderResult(Optional.empty(), List.of());
  }
}
