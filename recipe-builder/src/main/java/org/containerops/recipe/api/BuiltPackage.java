package org.containerops.recipe.api;

import java.nio.file.Path;

/**
 * One package a build produced, as placed in the staging channel.
 *
 * @param file its path in the staging channel, {@code <pkgDir>/<subdir>/<fileName>}
 * @param subdir the subdir from the package's own {@code info/index.json} (upstream used the host's, B10)
 * @param name package name from {@code info/index.json}
 * @param version version from {@code info/index.json}
 * @param build build string from {@code info/index.json}
 * @param sha256 hex sha256 of the archive
 * @param size archive size, bytes
 */
public record BuiltPackage(Path file, String subdir, String name, String version, String build, String sha256,
    long size) {
  /** {@code <subdir>/<file name>}, e.g. {@code noarch/one-1.0-h1234567_0.conda}. */
  public String channelPath() {
    return subdir + "/" + file.getFileName();
  }
}
