package org.containerops.dockerpkg.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.containerops.dockerpkg.select.Glob;

/**
 * What {@code docker-pkg plan} does: compare the inputs of every selected image under
 * {@code directory} with those recorded on its published (or local) image.
 *
 * @param directory the image tree to scan
 * @param select fnmatch glob on the full label {@code registry/ns/name:tag}; empty selects all
 */
public record PlanSpec(Path directory, Optional<Glob> select) {
  public PlanSpec {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(select, "select");
  }

  /** @return a spec selecting every image */
  public static PlanSpec all(Path directory) {
    return new PlanSpec(directory, Optional.empty());
  }
}
