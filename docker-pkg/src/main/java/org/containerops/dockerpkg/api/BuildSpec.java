package org.containerops.dockerpkg.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.containerops.dockerpkg.select.Glob;

/**
 * What {@code build} does (upstream cli.py:71-95).
 *
 * @param directory the image tree to scan
 * @param select only images whose full label matches (and the dependencies they need built);
 *     empty for all
 * @param tagSuffix appended to every tag, e.g. {@code -20261122} for {@code --nightly}; empty
 *     for none (must then be {@code ""})
 * @param pull query the registry first and pull base images and published dependencies
 *     (upstream default; {@code --no-pull} turns it off)
 * @param noCache build without the engine's cache (upstream default; {@code --use-cache} turns it off)
 */
public record BuildSpec(Path directory, Optional<Glob> select, String tagSuffix, boolean pull, boolean noCache) {
  public BuildSpec {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(select, "select");
    Objects.requireNonNull(tagSuffix, "tagSuffix");
    if (!tagSuffix.isEmpty() && !tagSuffix.matches("-[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("tagSuffix: want '-' and tag characters, got '" + tagSuffix + "'");
    }
  }

  /** Every image of {@code directory}, upstream's defaults (pull, no cache, no suffix). */
  public static BuildSpec all(Path directory) {
    return new BuildSpec(directory, Optional.empty(), "", true, true);
  }
}
