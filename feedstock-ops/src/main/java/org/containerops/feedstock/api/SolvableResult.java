package org.containerops.feedstock.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code check-solvable} returns ({@code conda_forge_feedstock_ops/check_solvable.py:44-126}).
 *
 * @param solvable the AND over all variants; true after a solver timeout, as upstream
 * @param errors solver errors, each prefixed {@code "<cbc name>: "}; in the solver's order
 * @param solvableByVariant per {@code .ci_support} variant name; sorted by name
 */
public record SolvableResult(boolean solvable, List<String> errors, Map<String, Boolean> solvableByVariant) {
  /** Copies. */
  public SolvableResult {
    errors = List.copyOf(errors);
    solvableByVariant = Collections.unmodifiableSortedMap(new TreeMap<>(solvableByVariant));
  }
}
