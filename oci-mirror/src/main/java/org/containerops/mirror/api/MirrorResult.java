package org.containerops.mirror.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a mirror or push-cache run did.
 *
 * @param pushed refs pushed ({@code channel/subdir/name:tag}), sorted
 * @param present records already in the registry (not pushed again)
 * @param invalid file name to reason, for records skipped because name or tag is illegal
 * @param failed file name (or subdir) to error message; non-empty means exit 1
 * @param blobsUploaded blobs actually uploaded (existing blobs are not counted)
 * @param manifestsPushed manifest PUTs, repodata included
 * @param bytesUploaded bytes of uploaded blobs
 * @param repodataPublished subdirs whose repodata was published, sorted
 * @param dryRun true when nothing was written (asked for, or forced without credentials)
 * @param elapsed wall time
 */
public record MirrorResult(List<String> pushed, int present, Map<String, String> invalid, Map<String, String> failed,
    long blobsUploaded, long manifestsPushed, long bytesUploaded, List<String> repodataPublished, boolean dryRun,
    Duration elapsed) {
  public MirrorResult {
    pushed = List.copyOf(pushed);
    invalid = Map.copyOf(invalid);
    failed = Map.copyOf(failed);
    repodataPublished = List.copyOf(repodataPublished);
  }

  /** True when nothing failed. */
  public boolean ok() {
    return failed.isEmpty();
  }

  /** One line: pushed, present, invalid, failed, blobs, manifests, bytes, seconds. */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "%s%d pushed, %d already present, %d invalid tags skipped, %d failed; %d blobs, %d manifests, %d bytes uploaded in %.1f s",
        dryRun ? "dry-run: " : "", pushed.size(), present, invalid.size(), failed.size(), blobsUploaded,
        manifestsPushed, bytesUploaded, elapsed.toMillis() / 1000.0);
  }
}
