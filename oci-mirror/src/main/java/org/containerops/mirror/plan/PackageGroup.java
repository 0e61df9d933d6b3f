package org.containerops.mirror.plan;

import java.util.List;
import org.containerops.mirror.conda.RepodataEntry;

/**
 * The archives of one {@code repository:tag}: one or two records (a {@code .conda} and a
 * {@code .tar.bz2} of the same version-build), {@code .conda} first. Upstream let the last pushed
 * format overwrite the other ({@code repo.py:393-402}); here both go into one manifest.
 *
 * @param repository {@code <channel>/<subdir>/<name with zzz rule>}
 * @param versionBuild {@code <version>-<build>} from the file name, decoded
 * @param tag the encoded tag (legal)
 * @param entries one or two records, distinct formats, {@code .conda} first
 */
public record PackageGroup(String repository, String versionBuild, String tag, List<RepodataEntry> entries) {
  public PackageGroup {
    entries = List.copyOf(entries);
  }

  /** {@code repository:tag}. */
  public String ref() {
    return repository + ":" + tag;
  }
}
