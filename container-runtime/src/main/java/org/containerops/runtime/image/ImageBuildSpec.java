package org.containerops.runtime.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An image build ({@code docker build}) with the classic builder. Immutable.
 *
 * @param contextDir the build context directory; must exist
 * @param dockerfile the Dockerfile path relative to the context, or empty for {@code Dockerfile}
 * @param tags {@code repo:tag} names to give the image; at least one
 * @param buildArgs {@code --build-arg} values, sorted; values are masked in errors
 * @param labels labels to set (the managed label is added), sorted
 * @param network network mode for {@code RUN} steps: {@code none} (default) or {@code host}
 * @param noCache true to ignore the build cache
 */
public record ImageBuildSpec(Path contextDir, Optional<String> dockerfile, List<String> tags,
    Map<String, String> buildArgs, Map<String, String> labels, String network, boolean noCache) {

  /** @throws IllegalArgumentException naming the invalid field */
  public ImageBuildSpec {
    Objects.requireNonNull(contextDir, "contextDir");
    contextDir = contextDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(contextDir)) {
      throw new IllegalArgumentException("contextDir: not a directory: " + contextDir);
    }
    String file = dockerfile.orElse("Dockerfile");
    if (!Files.isRegularFile(contextDir.resolve(file))) {
      throw new IllegalArgumentException("dockerfile: " + file + " not found in " + contextDir);
    }
    tags = List.copyOf(tags);
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("tags: give at least one repo:tag");
    }
    buildArgs = Collections.unmodifiableSortedMap(new TreeMap<>(buildArgs));
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    Objects.requireNonNull(network, "network");
  }

  /** A build of {@code contextDir}/Dockerfile tagged {@code tag}, network {@code none}. */
  public static ImageBuildSpec of(Path contextDir, String tag) {
    return new ImageBuildSpec(contextDir, Optional.empty(), List.of(tag), Map.of(), Map.of(), "none", false);
  }

  /** A copy with these build args. */
  public ImageBuildSpec withBuildArgs(Map<String, String> args) {
    return new ImageBuildSpec(contextDir, dockerfile, tags, args, labels, network, noCache);
  }

  /** A copy with these labels. */
  public ImageBuildSpec withLabels(Map<String, String> l) {
    return new ImageBuildSpec(contextDir, dockerfile, tags, buildArgs, l, network, noCache);
  }

  /** A copy with this network mode. */
  public ImageBuildSpec withNetwork(String mode) {
    return new ImageBuildSpec(contextDir, dockerfile, tags, buildArgs, labels, mode, noCache);
  }

  /** A copy with this Dockerfile (relative to the context). */
  public ImageBuildSpec withDockerfile(String relative) {
    return new ImageBuildSpec(contextDir, Optional.of(relative), tags, buildArgs, labels, network, noCache);
  }
}
