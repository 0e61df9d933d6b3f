package org.containerops.mirror.conda;

/**
 * One package record of a {@code repodata.json} ({@code packages} or {@code packages.conda}).
 *
 * @param fileName the key, e.g. {@code zlib-1.2.13-h5eee18b_0.conda}
 * @param name record {@code name}
 * @param version record {@code version}
 * @param build record {@code build}
 * @param buildNumber record {@code build_number} (0 when absent)
 * @param sha256 lowercase hex, null when absent
 * @param md5 lowercase hex, null when absent
 * @param size bytes, -1 when absent
 */
public record RepodataEntry(String fileName, String name, String version, String build, long buildNumber,
    String sha256, String md5, long size) {

  /** The archive format from the file name. */
  public ArchiveFormat format() {
    return ArchiveFormat.ofFileName(fileName).orElseThrow();
  }

  /** The file name split as upstream does (tags come from the file name, not the record). */
  public PackageFileName fileNameParts() {
    return PackageFileName.parse(fileName);
  }
}
