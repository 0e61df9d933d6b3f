package org.containerops.mirror.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One {@code pull-cache} run; upstream {@code Mirror.pull_latest} ({@code mirror.py:164-227}).
 *
 * @param channel channel name in the registry
 * @param subdirs sorted, unique, non-empty
 * @param packages fnmatch globs on names, sorted; empty = all
 * @param allVersions every version instead of the newest per name
 * @param cacheDir the local channel root: files go to {@code <cacheDir>/<subdir>/<file>}
 * @param workers parallel downloads, 1..64
 */
public record PullCacheSpec(String channel, List<String> subdirs, List<String> packages, boolean allVersions,
    Path cacheDir, int workers) {
  public PullCacheSpec {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(cacheDir, "cacheDir");
    subdirs = List.copyOf(new TreeSet<>(subdirs.isEmpty() ? MirrorSpec.DEFAULT_SUBDIRS : subdirs));
    packages = List.copyOf(new TreeSet<>(packages.contains("all") ? List.of() : packages));
    MirrorSpec.check(workers >= 1 && workers <= 64, "workers: want 1..64, got " + workers);
  }
}
