package org.containerops.feedstock.recipe;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@code parse-package-and-feedstock-names} returns.
 *
 * @param feedstockName the feedstock's name, e.g. {@code llvmdev}
 * @param packageNames output names built by some variant; sorted, may be empty
 * @param subdirs target subdirs of the variants that build something; sorted, may be empty
 */
public record ParsedNames(String feedstockName, SortedSet<String> packageNames, SortedSet<String> subdirs) {
  /** Copies into sorted, unmodifiable sets. */
  public ParsedNames {
    java.util.Objects.requireNonNull(feedstockName, "feedstockName");
    packageNames = Collections.unmodifiableSortedSet(new TreeSet<>(packageNames));
    subdirs = Collections.unmodifiableSortedSet(new TreeSet<>(subdirs));
  }

  /** From any sets. */
  public static ParsedNames of(String feedstockName, Set<String> packageNames, Set<String> subdirs) {
    return new ParsedNames(feedstockName, new TreeSet<>(packageNames), new TreeSet<>(subdirs));
  }
}
