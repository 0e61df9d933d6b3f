package org.containerops.mirror.api;

import java.util.List;

/**
 * Progress of mirror, pull-cache and push-cache runs. Every method has a no-op default; implementations
 * must be thread-safe (calls come from worker threads). Libraries never print; the CLI prints these.
 */
public interface MirrorListener {
  /** A listener that ignores everything. */
  MirrorListener NONE = new MirrorListener() {};

  /** Something the user should know (auto dry-run, skipped invalid tag, repodata withheld). */
  default void warning(String message) {}

  /** A subdir was planned: {@code toPush} manifests to push, {@code present} records already in the registry. */
  default void planned(String subdir, int toPush, int present) {}

  /** A manifest was pushed with the given archive file names; {@code bytes} uploaded for it. */
  default void pushed(String ref, List<String> files, long bytes) {}

  /** Dry-run: this manifest would be pushed. */
  default void wouldPush(String ref, List<String> files) {}

  /** A package failed; the run goes on. */
  default void failed(String file, String message) {}

  /** A blob was uploaded (not counted when it was already in the registry). */
  default void blobUploaded(String repository, String digest, long bytes) {}

  /** A manifest PUT. */
  default void manifestPushed(String ref) {}

  /** The repodata of a subdir was published under these tags. */
  default void repodataPublished(String subdir, List<String> tags) {}

  /** pull-cache wrote a file (or found it up to date when {@code bytes} is 0). */
  default void downloaded(String file, long bytes) {}
}
