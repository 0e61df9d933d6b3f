package org.containerops.feedstock.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code lint} returns ({@code conda_forge_feedstock_ops/lint.py:21-47}), keyed by recipe path
 * relative to the feedstock root ({@code recipe/meta.yaml}, {@code recipe/recipe.yaml}); all maps
 * sorted by key and holding the same keys.
 *
 * @param lints lint messages per recipe (may be empty lists)
 * @param hints hint messages per recipe
 * @param errors true for a recipe whose linting raised (its lints and hints are then empty)
 */
public record LintResult(Map<String, List<String>> lints, Map<String, List<String>> hints, Map<String, Boolean> errors) {
  /** Copies into sorted, unmodifiable maps. */
  public LintResult {
    lints = copy(lints);
    hints = copy(hints);
    errors = Collections.unmodifiableSortedMap(new TreeMap<>(errors));
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> m) {
    TreeMap<String, List<String>> c = new TreeMap<>();
    m.forEach((k, v) -> c.put(k, List.copyOf(v)));
    return Collections.unmodifiableSortedMap(c);
  }
}
