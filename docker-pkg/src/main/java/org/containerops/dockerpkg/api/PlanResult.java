package org.containerops.dockerpkg.api;

import java.util.List;
import java.util.Objects;

/**
 * What {@code docker-pkg plan} found.
 *
 * @param images one entry per selected image, in build order (dependencies first)
 */
public record PlanResult(List<Image> images) {
  public PlanResult {
    images = List.copyOf(images);
  }

  /** @return the names of the images that must be rebuilt, in build order */
  public List<String> rebuild() {
    return images.stream().filter(Image::rebuild).map(Image::name).toList();
  }

  /**
   * One image's verdict.
   *
   * @param name short name
   * @param label full label {@code registry/ns/name:tag}
   * @param hash {@code sha256:<hex>} of its current inputs
   * @param rebuild whether its inputs differ from the recorded ones (or nothing is recorded)
   * @param reasons why, one short phrase each ({@code build context changed}, {@code parent
   *     dp-base changed}, {@code no image 127.0.0.1:5000/ns/app:1.0 published or built}); empty when
   *     up to date
   * @param recordedIn where the recorded inputs came from ({@code registry}, {@code engine}), or
   *     {@code ""} when none were found
   */
  public record Image(String name, String label, String hash, boolean rebuild, List<String> reasons, String recordedIn) {
    public Image {
      Objects.requireNonNull(name, "name");
      reasons = List.copyOf(reasons);
    }
  }
}
