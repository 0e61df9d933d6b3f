package org.containerops.feedstock.recipe;

import java.util.List;
import java.util.Optional;

/**
 * A recipe rendered for one variant.
 *
 * @param packageNames names of the outputs not skipped in this variant, in recipe order; the
 *     top-level package when the recipe has no outputs; empty when everything is skipped
 * @param feedstockName {@code extra.feedstock-name}, else {@code extra.parent_recipe.name}, else the
 *     top-level package name (conda-smithy {@code get_feedstock_name_from_meta}); empty when none
 */
public record RenderedRecipe(List<String> packageNames, Optional<String> feedstockName) {
  /** Copies. */
  public RenderedRecipe {
    packageNames = List.copyOf(packageNames);
  }
}
