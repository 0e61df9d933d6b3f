package org.containerops.dockerpkg.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.containerops.dockerpkg.config.DockerPkgConfig;

/**
 * The images found under a root directory.
 *
 * @param root the scanned directory
 * @param images sorted by name, names unique
 */
public record ImageTree(Path root, List<ImageDefinition> images) {
  public ImageTree {
    Objects.requireNonNull(root, "root");
    List<ImageDefinition> sorted = new ArrayList<>(images);
    sorted.sort(Comparator.comparing(ImageDefinition::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("images: two images are named " + sorted.get(i).name());
      }
    }
    images = List.copyOf(sorted);
  }

  /** @return the image with this short name */
  public Optional<ImageDefinition> find(String name) {
    return images.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /**
   * What {@code image_tag} may return (upstream builder.py:240,279-281 {@code known_images}):
   * the scanned images' full labels sorted by name, then {@code base_images} in config order.
   * Upstream used a set; this order makes a name defined both ways resolve to the scanned image.
   */
  public List<String> knownImages(DockerPkgConfig config) {
    List<String> known = new ArrayList<>();
    images.forEach(i -> known.add(i.label(config).full()));
    known.addAll(config.baseImages());
    return known;
  }

  /**
   * The tree with {@code suffix} appended to every tag (upstream's nightly/snapshot switch,
   * image.py:92-95), so {@code image_tag} returns suffixed labels too.
   */
  public ImageTree withTagSuffix(String suffix) {
    if (suffix.isEmpty()) {
      return this;
    }
    return new ImageTree(root, images.stream().map(i -> new ImageDefinition(i.dir(), i.name(), i.version() + suffix,
        i.depends(), i.hasTest())).toList());
  }
}
