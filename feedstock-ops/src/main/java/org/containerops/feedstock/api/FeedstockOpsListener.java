package org.containerops.feedstock.api;

/** Progress of feedstock operations. Methods have no-op defaults and must be thread-safe. */
public interface FeedstockOpsListener {
  /** A listener that ignores everything. */
  FeedstockOpsListener NONE = new FeedstockOpsListener() {};

  /** An operation starts, in a container ({@code image} set) or locally ({@code image} null). */
  default void started(String operation, String feedstock, String image) {}

  /** One line of the container's (or local tool's) stderr. */
  default void stderrLine(String line) {}
}
