package org.containerops.mirror.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code pull-cache} did.
 *
 * @param files archives now in the cache (downloaded or already up to date), sorted
 * @param downloaded how many of them were downloaded now
 * @param bytes bytes downloaded
 * @param failed file (or subdir) to error message
 * @param elapsed wall time
 */
public record PullCacheResult(List<Path> files, int downloaded, long bytes, Map<String, String> failed,
    Duration elapsed) {
  public PullCacheResult {
    files = List.copyOf(files);
    failed = Map.copyOf(failed);
  }

  /** True when nothing failed. */
  public boolean ok() {
    return failed.isEmpty();
  }
}
