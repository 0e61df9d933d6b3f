package org.containerops.tagging.manifest;

import java.util.function.Function;
import org.containerops.tagging.runner.CommandRunner;

/**
 * Computes one section of the build manifest from the running image: upstream's {@code ManifestInterface}
 * ({@code tagging/manifests/manifest_interface.py:22}). Implementations must be stateless.
 */
public interface Manifest {
  /** A stable name, upstream's function name (e.g. {@code apt_packages_manifest}). */
  String name();

  /**
   * @throws org.containerops.tagging.api.TaggingException when a command fails or prints nothing
   */
  MarkdownPiece piece(CommandRunner container);

  /** A manifest from a name and a function. */
  static Manifest of(String name, Function<CommandRunner, MarkdownPiece> fn) {
    return new Manifest() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public MarkdownPiece piece(CommandRunner container) {
        return fn.apply(container);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
