package org.containerops.tagging.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * @param historyLineFile the history-line file written
 * @param manifestFile the manifest file written
 * @param historyLine its content (no trailing newline)
 * @param manifest the manifest's content (one trailing newline)
 * @param sbomFile the CycloneDX SBOM written beside the manifest, when asked for
 */
public record WriteManifestResult(Path historyLineFile, Path manifestFile, String historyLine, String manifest,
    Optional<Path> sbomFile) {
  /** A result without SBOM. */
  public WriteManifestResult(Path historyLineFile, Path manifestFile, String historyLine, String manifest) {
    this(historyLineFile, manifestFile, historyLine, manifest, Optional.empty());
  }
}
