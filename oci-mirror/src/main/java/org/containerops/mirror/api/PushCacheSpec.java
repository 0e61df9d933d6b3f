package org.containerops.mirror.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One {@code push-cache} run; upstream {@code push_new}/{@code push_all} ({@code mirror.py:229-319}).
 *
 * @param channel channel name in the registry
 * @param subdirs sorted; empty = every subdir directory of {@code cacheDir} holding archives
 * @param packages fnmatch globs on names (upstream ignored {@code --package} here); empty = all
 * @param all push even when the tag exists
 * @param dryRun report only
 * @param cacheDir a local conda channel: {@code <cacheDir>/<subdir>/<file>}; read only
 */
public record PushCacheSpec(String channel, List<String> subdirs, List<String> packages, boolean all, boolean dryRun,
    Path cacheDir) {
  public PushCacheSpec {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(cacheDir, "cacheDir");
    subdirs = List.copyOf(new TreeSet<>(subdirs));
    packages = List.copyOf(new TreeSet<>(packages.contains("all") ? List.of() : packages));
  }
}
