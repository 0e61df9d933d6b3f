package org.containerops.dockerpkg.plan;

import java.io.IOException;
import java.util.Optional;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.registry.PublishedLabels;

/** The two places recorded inputs are read from: the registry and the engine. */
public final class RecordedSources {
  private RecordedSources() {}

  /**
   * The published image's labels (manifest and config blob, bounded and verified).
   *
   * @return a source that throws {@link DockerPkgException} reason REGISTRY when the registry cannot
   *     be read (a plan must not guess)
   */
  public static RecordedInputs registry(PublishedLabels registry) {
    return label -> {
      try {
        return registry.labels(label).map(l -> new RecordedInputs.Found(l, "registry"));
      } catch (IOException e) {
        throw new DockerPkgException(Reason.REGISTRY, null, "cannot read " + label.full() + " from the registry: "
            + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DockerPkgException(Reason.REGISTRY, null, "interrupted reading " + label.full(), e);
      }
    };
  }

  /** The local image's labels; a source that throws reason ENGINE when the engine fails. */
  public static RecordedInputs engine(ImageEngine engine) {
    return label -> engine.inspect(label.full()).map(i -> new RecordedInputs.Found(i.labels(), "engine"));
  }

  /** @return the engine's id of a {@code FROM} reference, for {@link InputHasher}'s {@code base:} parts */
  public static Optional<String> baseId(ImageEngine engine, String ref) {
    return engine.inspect(ref).map(ImageEngine.ImageInfo::id);
  }
}
