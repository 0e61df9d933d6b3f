package org.containerops.dockerpkg.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a render.
 *
 * @param files image name to the Dockerfile written, in build order (dependencies first)
 * @param warnings every warning of the run, in the order raised (also given to the listener)
 */
public record RenderResult(Map<String, Path> files, List<String> warnings) {
  public RenderResult {
    Objects.requireNonNull(files, "files");
    files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    warnings = List.copyOf(warnings);
  }
}
