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
 * @param changed also rebuild images that exist (published or local) but whose inputs differ from
 *     the ones recorded on them ({@code --changed}, issue 16 §2; see {@code DockerPkg#plan})
 */
public record BuildSpec(Path directory, Optional<Glob> select, String tagSuffix, boolean pull, boolean noCache,
    boolean changed) {
  public BuildSpec {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(select, "select");
    Objects.requireNonNull(tagSuffix, "tagSuffix");
    if (!tagSuffix.isEmpty() && !tagSuffix.matches("-[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("tagSuffix: want '-' and tag characters, got '" + tagSuffix + "'");
    }
  }

  /** A spec without {@code --changed}. */
  public BuildSpec(Path directory, Optional<Glob> select, String tagSuffix, boolean pull, boolean noCache) {
    this(directory, select, tagSuffix, pull, noCache, false);
  }

  /** @return this spec with {@code changed} set */
  public BuildSpec withChanged(boolean changed) {
    return new BuildSpec(directory, select, tagSuffix, pull, noCache, changed);
  }

  /** Every image of {@code directory}, upstream's defaults (pull, no cache, no suffix). */
  public static BuildSpec all(Path directory) {
    return new BuildSpec(directory, Optional.empty(), "", true, true);
  }
}
