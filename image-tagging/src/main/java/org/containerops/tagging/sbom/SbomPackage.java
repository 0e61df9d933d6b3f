package org.containerops.tagging.sbom;

import java.util.Objects;

/**
 * One package found in the image.
 *
 * @param source which package manager listed it
 * @param name the package's name as that manager prints it
 * @param version its version string as printed
 * @param purl the package URL ({@code pkg:deb/...}, {@code pkg:conda/...}, {@code pkg:pypi/...}), canonical form
 */
public record SbomPackage(Source source, String name, String version, String purl) {
  /** Which package manager a package comes from. */
  public enum Source {
    /** {@code dpkg-query}: Debian/Ubuntu packages (what {@code apt list --installed} shows). */
    APT,
    /** {@code conda list --json} or {@code mamba list --json}, PyPI entries excluded. */
    CONDA,
    /** {@code pip list --format json}, minus what conda installed. */
    PIP
  }

  /** Checks that no field is null. */
  public SbomPackage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(purl, "purl");
  }
}
