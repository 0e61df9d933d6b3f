package org.containerops.dockerpkg.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code docker-pkg update} does (upstream cli.py:258-266): add a changelog entry to image
 * {@code name} and to every image that depends on it, transitively.
 *
 * @param directory the image tree to scan
 * @param name the exact short name of the updated image
 * @param reason the changelog text, may have several lines; upstream's default is "Security update"
 * @param version the new version of {@code name}; empty for the automatic bump
 */
public record UpdateSpec(Path directory, String name, String reason, Optional<String> version) {
  /** Upstream's default reason. */
  public static final String DEFAULT_REASON = "Security update";

  public UpdateSpec {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(version, "version");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: must not be empty");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason: must not be empty");
    }
    version.ifPresent(v -> {
      if (!DebianVersion.isValid(v)) {
        throw new IllegalArgumentException("version: '" + v + "' is not a valid Debian version");
      }
    });
  }
}
