package org.containerops.dockerpkg.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.containerops.dockerpkg.select.Glob;

/**
 * What {@code docker-pkg render} does: render every selected image under {@code directory} to
 * {@code output/<image-name>/Dockerfile}.
 *
 * @param directory the image tree to scan
 * @param output where the Dockerfiles go; created if missing
 * @param select fnmatch glob on the full label {@code registry/ns/name:tag}; empty selects all
 */
public record RenderSpec(Path directory, Path output, Optional<Glob> select) {
  public RenderSpec {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(select, "select");
  }

  /** @return a spec selecting every image */
  public static RenderSpec all(Path directory, Path output) {
    return new RenderSpec(directory, output, Optional.empty());
  }
}
