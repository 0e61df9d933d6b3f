package org.containerops.dockerpkg.plan;

import java.util.Map;
import java.util.Optional;
import org.containerops.dockerpkg.image.ImageLabel;

/**
 * Where a plan finds the labels of the image already built for a label: the registry (the published
 * image) or the engine (a local build). Must be thread-safe.
 */
@FunctionalInterface
public interface RecordedInputs {
  /** Nothing is recorded anywhere: every image must be built. */
  RecordedInputs NONE = label -> Optional.empty();

  /**
   * @return the labels of the image {@code label}, or empty when there is no such image
   * @throws org.containerops.dockerpkg.api.DockerPkgException reason REGISTRY or ENGINE when the
   *     source cannot be asked
   */
  Optional<Found> find(ImageLabel label);

  /**
   * An image found.
   *
   * @param labels its labels
   * @param source {@code registry} or {@code engine}
   */
  record Found(Map<String, String> labels, String source) {}

  /** @return this source, else {@code other} when this one has no such image */
  default RecordedInputs orElse(RecordedInputs other) {
    return label -> {
      Optional<Found> f = find(label);
      return f.isPresent() ? f : other.find(label);
    };
  }
}
