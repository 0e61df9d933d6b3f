package org.containerops.mirror.conda;

import java.util.Optional;

/** The two conda archive formats, with upstream's layer media types ({@code defaults.py:4-9}). */
public enum ArchiveFormat {
  /** {@code .conda}: a zip with {@code info-*.tar.zst} and {@code pkg-*.tar.zst}. */
  CONDA(".conda", "application/vnd.conda.package.v2"),
  /** {@code .tar.bz2}: the legacy bzip2 tarball. */
  TAR_BZ2(".tar.bz2", "application/vnd.conda.package.v1");

  private final String extension;
  private final String mediaType;

  ArchiveFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** The file name suffix including the leading dot. */
  public String extension() {
    return extension;
  }

  /** The OCI layer media type of the archive. */
  public String mediaType() {
    return mediaType;
  }

  /** The format of a file name, empty for anything else. */
  public static Optional<ArchiveFormat> ofFileName(String fileName) {
    for (ArchiveFormat f : values()) {
      if (fileName.endsWith(f.extension) && fileName.length() > f.extension.length()) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The format of a layer media type, empty for anything else. */
  public static Optional<ArchiveFormat> ofMediaType(String mediaType) {
    for (ArchiveFormat f : values()) {
      if (f.mediaType.equals(mediaType)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
