package org.containerops.tagging.api;


/**
 * The image being tagged: upstream's {@code Config} fields {@code registry}, {@code owner}, {@code image},
 * {@code variant} ({@code tagging/apps/config.py:7-22}).
 *
 * @param registry registry host, with a port if any ({@code quay.io}, {@code 127.0.0.1:5000}); upstream
 *     accepts only {@code docker.io} and {@code quay.io}
 * @param owner namespace, e.g. {@code jupyter}
 * @param image short image name, e.g. {@code base-notebook}; must be in the hierarchy
 * @param variant variant, {@code default} for none
 */
public record TargetImage(String registry, String owner, String image, String variant) {
  /** Validates every field (names the field on error). */
  public TargetImage {
    check(registry, "registry", "[A-Za-z0-9.-]+(:[0-9]+)?|\\[[0-9a-fA-F:]+\\](:[0-9]+)?");
    check(owner, "owner", "[a-z0-9]+([._/-][a-z0-9]+)*");
    check(image, "image", "[a-z0-9]+([._-][a-z0-9]+)*");
    check(variant, "variant", "[A-Za-z0-9_.-]+");
  }

  /** With the {@code default} variant. */
  public static TargetImage of(String registry, String owner, String image) {
    return new TargetImage(registry, owner, image, Platform.DEFAULT_VARIANT);
  }

  /** {@code registry/owner/image}, no tag (upstream {@code full_image()}; the engine adds {@code :latest}). */
  public String fullImage() {
    return registry + "/" + owner + "/" + image;
  }

  /**
   * The local name {@code docker images} shows for {@code :latest}: without {@code docker.io/} (upstream's
   * special case, {@code build_info.py:34-42}).
   */
  public String localLatest() {
    return ("docker.io".equals(registry) ? owner + "/" + image : fullImage()) + ":latest";
  }

  private static void check(String value, String field, String regex) {
    if (value == null || !value.matches(regex)) {
      throw new IllegalArgumentException(field + ": invalid value '" + value + "'");
    }
  }
}
