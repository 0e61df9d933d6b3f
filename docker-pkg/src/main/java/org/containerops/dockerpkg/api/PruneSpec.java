package org.containerops.dockerpkg.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.containerops.dockerpkg.select.Glob;

/**
 * What {@code prune} does (upstream cli.py:97-110, 239-255).
 *
 * @param directory the image tree to scan
 * @param select only repositories of images whose current full label matches; empty for all
 * @param tagSuffix the suffix of the tag to keep ({@code --nightly ID}: {@code -ID}); {@code ""} for none
 */
public record PruneSpec(Path directory, Optional<Glob> select, String tagSuffix) {
  public PruneSpec {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(select, "select");
    Objects.requireNonNull(tagSuffix, "tagSuffix");
  }
}
