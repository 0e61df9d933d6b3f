package org.containerops.tagging.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Upstream's {@code write_manifest} ({@code tagging/apps/write_manifest.py}).
 *
 * @param target the image
 * @param histLinesDir where {@code {platform}-{variant}-{image}-{sha12}.txt} goes (created)
 * @param manifestsDir where {@code {platform}-{variant}-{image}-{sha12}.md} goes (created)
 * @param repository GitHub {@code owner/name} for links, e.g. {@code jupyter/docker-stacks}
 * @param sbom also write the CycloneDX SBOM {@code {platform}-{variant}-{image}-{sha12}.cdx.json} beside the
 *     manifest (no upstream has one)
 */
public record WriteManifestSpec(TargetImage target, Path histLinesDir, Path manifestsDir, String repository,
    boolean sbom) {
  /** Checks the fields. */
  public WriteManifestSpec {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(histLinesDir, "histLinesDir");
    Objects.requireNonNull(manifestsDir, "manifestsDir");
    if (repository == null || !repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("repository: want owner/name, got " + repository);
    }
  }

  /** Upstream's write_manifest: no SBOM. */
  public WriteManifestSpec(TargetImage target, Path histLinesDir, Path manifestsDir, String repository) {
    this(target, histLinesDir, manifestsDir, repository, false);
  }

  /** This spec with the SBOM switched on or off. */
  public WriteManifestSpec withSbom(boolean on) {
    return new WriteManifestSpec(target, histLinesDir, manifestsDir, repository, on);
  }
}
