package org.containerops.tagging.registry;

/**
 * A tag reference {@code [host[:port]/]path:tag}, split as the Docker CLI does: the first component is
 * the registry when it contains {@code .} or {@code :} or is {@code localhost}, else Docker Hub.
 *
 * @param registry the registry as written ({@code docker.io} for Hub), e.g. {@code 127.0.0.1:5000}
 * @param repository the repository path, e.g. {@code jupyter/base-notebook}
 * @param tag the tag
 */
public record ImageReference(String registry, String repository, String tag) {
  /**
   * Parses {@code ref}; the tag is what follows the last {@code :} after the last {@code /} (a port is not a
   * tag: upstream's port fix {@code 81015e19}).
   *
   * @throws IllegalArgumentException when there is no tag
   */
  public static ImageReference parse(String ref) {
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    if (colon <= slash || colon == ref.length() - 1) {
      throw new IllegalArgumentException("image reference: want name:tag, got " + ref);
    }
    String name = ref.substring(0, colon);
    String tag = ref.substring(colon + 1);
    int first = name.indexOf('/');
    String head = first < 0 ? "" : name.substring(0, first);
    if (first > 0 && (head.contains(".") || head.contains(":") || head.equals("localhost"))) {
      return new ImageReference(head, name.substring(first + 1), tag);
    }
    return new ImageReference("docker.io", name.contains("/") ? name : "library/" + name, tag);
  }

  /** The host the registry API answers on ({@code registry-1.docker.io} for Docker Hub). */
  public String apiHost() {
    return registry.equals("docker.io") ? "registry-1.docker.io" : registry;
  }

  /** This reference with another tag (or a digest, for manifest URLs). */
  public ImageReference withTag(String other) {
    return new ImageReference(registry, repository, other);
  }

  @Override
  public String toString() {
    return registry + "/" + repository + ":" + tag;
  }
}
