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
 */
public record WriteManifestSpec(TargetImage target, Path histLinesDir, Path manifestsDir, String repository) {
  /** Checks the fields. */
  public WriteManifestSpec {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(histLinesDir, "histLinesDir");
    Objects.requireNonNull(manifestsDir, "manifestsDir");
    if (repository == null || !repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("repository: want owner/name, got " + repository);
    }
  }
}
