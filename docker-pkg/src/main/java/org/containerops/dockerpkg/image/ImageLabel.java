package org.containerops.dockerpkg.image;

import java.util.Objects;
import org.containerops.dockerpkg.config.DockerPkgConfig;

/**
 * The names of an image (upstream __init__.py:11-41): {@code short} = the changelog package,
 * {@code name} = {@code os.path.join(registry, namespace, short)}, {@code full} = {@code name:tag}.
 * E.g. {@code pilot}, {@code docker-registry.wikimedia.org/istio/pilot},
 * {@code docker-registry.wikimedia.org/istio/pilot:1.29.4-1-20260816}.
 *
 * @param registry registry host (may be empty)
 * @param namespace namespace (may be empty)
 * @param shortName image name
 * @param tag image tag (may be empty for name-only lookups)
 */
public record ImageLabel(String registry, String namespace, String shortName, String tag) {

  public ImageLabel {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(tag, "tag");
  }

  /** @return the label of {@code shortName:tag} under the config's registry and namespace */
  public static ImageLabel of(DockerPkgConfig config, String shortName, String tag) {
    return new ImageLabel(config.registry(), config.namespace(), shortName, tag);
  }

  /** @return {@code registry/namespace/short}, joined like Python's {@code os.path.join} */
  public String name() {
    return pathJoin(pathJoin(registry, namespace), shortName);
  }

  /** @return {@code name:tag} */
  public String full() {
    return name() + ":" + tag;
  }

  /**
   * Splits a full label at the first {@code :} after the last {@code /}, so a registry port
   * ({@code host:5000/x:1.0}) is not mistaken for a tag (upstream's {@code split(":")} is).
   *
   * @return {@code {name, tag}}, or null if the label has no tag
   */
  public static String[] splitFull(String label) {
    int colon = label.indexOf(':', label.lastIndexOf('/') + 1);
    return colon < 0 ? null : new String[] {label.substring(0, colon), label.substring(colon + 1)};
  }

  /** Python's {@code os.path.join(a, b)} for POSIX paths. */
  static String pathJoin(String a, String b) {
    if (b.startsWith("/") || a.isEmpty()) {
      return b;
    }
    return a.endsWith("/") ? a + b : a + "/" + b;
  }

  @Override
  public String toString() {
    return full();
  }
}
