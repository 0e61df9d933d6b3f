package org.containerops.dockerpkg.render;

import java.util.List;
import java.util.Optional;
import org.containerops.dockerpkg.api.DebianVersion;
import org.containerops.dockerpkg.image.ImageLabel;

/**
 * Upstream's {@code image_tag} and {@code upstream_version} filters (dockerfile.py:34-67).
 */
public final class ImageFilters {
  private ImageFilters() {}

  /**
   * Finds the full label of an image among the known ones.
   *
   * @param name the image's name as {@code registry/namespace/short} ({@link ImageLabel#name()})
   * @param known full labels: scanned images (sorted by name), then {@code base_images} in config order
   * @return the first known label whose name part equals {@code name}
   */
  public static Optional<String> imageTag(String name, List<String> known) {
    for (String label : known) {
      String[] parts = ImageLabel.splitFull(label);
      if (parts != null && parts[0].equals(name)) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }

  /**
   * @param label a full label such as {@code reg/x:8.462-1-20260816}
   * @return the Debian upstream version of its tag: {@code 8.462}; a tag without {@code -} is
   *     returned unchanged; with more than one {@code -} only the first two parts count
   * @throws IllegalArgumentException {@code upstream_version(X) -> no image name found in input}
   *     for a label without tag, or naming the tag if it is not a Debian version
   */
  public static String upstreamVersion(String label) {
    String[] parts = ImageLabel.splitFull(label);
    if (parts == null) {
      throw new IllegalArgumentException("upstream_version(" + label + ") -> no image name found in input");
    }
    String tag = parts[1];
    if (!tag.contains("-")) {
      return tag;
    }
    String[] dash = tag.split("-", -1);
    if (dash.length > 2) {
      tag = dash[0] + "-" + dash[1];
    }
    return DebianVersion.parse(tag).upstream();
  }
}
