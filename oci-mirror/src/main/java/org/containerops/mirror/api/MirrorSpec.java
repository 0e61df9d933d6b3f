package org.containerops.mirror.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One {@code mirror} run; upstream {@code Mirror.update} ({@code mirror.py:101-154}).
 *
 * @param channel channel name, the first repository path component (e.g. {@code conda-forge})
 * @param channelUrl where to read {@code <subdir>/repodata.json} and packages
 * @param subdirs sorted, unique, non-empty
 * @param packages fnmatch globs on package names, sorted; empty = all
 * @param dryRun plan only: no downloads, no registry writes
 * @param workers parallel package pushes, 1..64
 * @param cacheDir downloads go to {@code <cacheDir>/<channel>/<subdir>/} and are deleted after the push
 */
public record MirrorSpec(String channel, URI channelUrl, List<String> subdirs, List<String> packages, boolean dryRun,
    int workers, Path cacheDir) {
  /** Upstream's default subdirs ({@code defaults.py:14-22}). */
  public static final List<String> DEFAULT_SUBDIRS =
      List.of("linux-64", "osx-64", "osx-arm64", "win-64", "linux-aarch64", "linux-ppc64le", "noarch");

  public MirrorSpec {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(channelUrl, "channelUrl");
    Objects.requireNonNull(cacheDir, "cacheDir");
    check(channel.matches("[a-z0-9]+(?:[._-][a-z0-9]+)*"), "channel: want a lowercase name, got " + channel);
    subdirs = List.copyOf(new TreeSet<>(subdirs));
    packages = List.copyOf(new TreeSet<>(packages.contains("all") ? List.of() : packages));
    check(!subdirs.isEmpty(), "subdir: give at least one, e.g. noarch");
    subdirs.forEach(s -> check(s.matches("[a-z0-9]+(?:-[a-z0-9]+)*"), "subdir: want e.g. linux-64, got " + s));
    check(workers >= 1 && workers <= 64, "workers: want 1..64, got " + workers);
  }

  /** A builder with upstream's defaults: conda-forge from conda.anaconda.org, all 7 subdirs, 4 workers, ./cache. */
  public static Builder builder() {
    return new Builder();
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builder; defaults as upstream's CLI. */
  public static final class Builder {
    private String channel = "conda-forge";
    private URI channelUrl;
    private List<String> subdirs = DEFAULT_SUBDIRS;
    private List<String> packages = List.of();
    private boolean dryRun;
    private int workers = 4;
    private Path cacheDir = Path.of("cache");

    private Builder() {}

    /** Channel name. */
    public Builder channel(String v) {
      channel = v;
      return this;
    }

    /** Source URL; default {@code https://conda.anaconda.org/<channel>}. */
    public Builder channelUrl(URI v) {
      channelUrl = v;
      return this;
    }

    /** Subdirs; empty keeps the defaults. */
    public Builder subdirs(List<String> v) {
      if (v != null && !v.isEmpty()) {
        subdirs = v;
      }
      return this;
    }

    /** Name globs. */
    public Builder packages(List<String> v) {
      packages = v == null ? List.of() : v;
      return this;
    }

    /** Dry run. */
    public Builder dryRun(boolean v) {
      dryRun = v;
      return this;
    }

    /** Workers. */
    public Builder workers(int v) {
      workers = v;
      return this;
    }

    /** Cache dir. */
    public Builder cacheDir(Path v) {
      cacheDir = v;
      return this;
    }

    /** Validates and builds. @throws IllegalArgumentException naming the bad field */
    public MirrorSpec build() {
      URI url = channelUrl != null ? channelUrl : URI.create("https://conda.anaconda.org/" + channel);
      return new MirrorSpec(channel, url, subdirs, packages, dryRun, workers, cacheDir);
    }
  }
}
