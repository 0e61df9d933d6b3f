package org.containerops.tagging.hierarchy;

import java.util.List;
import java.util.Optional;
import org.containerops.tagging.manifest.Manifest;
import org.containerops.tagging.tagger.Tagger;

/**
 * One image of the tree: upstream's {@code ImageDescription} ({@code images_hierarchy.py:18-22}).
 *
 * @param parent the parent image's name, or empty for a root
 * @param taggers the taggers this image adds, in order
 * @param manifests the manifests this image adds, in order
 */
public record ImageDescription(Optional<String> parent, List<Tagger> taggers, List<Manifest> manifests) {
  /** Copies the lists. */
  public ImageDescription {
    taggers = List.copyOf(taggers);
    manifests = List.copyOf(manifests);
  }
}
