package org.containerops.mirror.conda;

import org.containerops.mirror.tags.TagCodec;

/**
 * A conda archive file name split as upstream does: stem = name minus extension, then
 * {@code rsplit("-", 2)} into name, version, build ({@code package.py:115-143}).
 *
 * @param fileName e.g. {@code zlib-1.2.13-h5eee18b_0.conda}
 * @param name e.g. {@code zlib}
 * @param version e.g. {@code 1.2.13}
 * @param build e.g. {@code h5eee18b_0}
 * @param format the archive format from the extension
 */
public record PackageFileName(String fileName, String name, String version, String build, ArchiveFormat format) {

  /**
   * Parses a file name.
   *
   * @throws IllegalArgumentException when it is not {@code <name>-<version>-<build>.(conda|tar.bz2)}
   */
  public static PackageFileName parse(String fileName) {
    ArchiveFormat format = ArchiveFormat.ofFileName(fileName).orElseThrow(() -> new IllegalArgumentException(
        "package file: want <name>-<version>-<build>.conda or .tar.bz2, got " + fileName));
    String stem = fileName.substring(0, fileName.length() - format.extension().length());
    int b = stem.lastIndexOf('-');
    int v = b > 0 ? stem.lastIndexOf('-', b - 1) : -1;
    if (v <= 0 || b == stem.length() - 1 || v == b - 1) {
      throw new IllegalArgumentException("package file: want <name>-<version>-<build>, got " + fileName);
    }
    return new PackageFileName(fileName, stem.substring(0, v), stem.substring(v + 1, b), stem.substring(b + 1), format);
  }

  /** {@code <fileName>} without the extension: upstream's {@code pkgname}, used in layer titles. */
  public String stem() {
    return fileName.substring(0, fileName.length() - format.extension().length());
  }

  /** {@code <version>-<build>}, undecoded. */
  public String versionBuild() {
    return version + "-" + build;
  }

  /** The encoded tag ({@link TagCodec#encode}); may be illegal, check {@link TagCodec#isLegalTag}. */
  public String tag() {
    return TagCodec.encode(versionBuild());
  }

  /** The repository path component (with the {@code zzz} rule). */
  public String repositoryComponent() {
    return TagCodec.repositoryComponent(name);
  }
}
