package org.containerops.dockerpkg.render;

import java.util.List;
import java.util.Objects;

/**
 * One rendered Dockerfile.
 *
 * @param image the image's short name
 * @param text the Dockerfile, byte-compatible with upstream (no final newline from the template's last line)
 * @param imageReferences short names passed to {@code image_tag} that resolved, first use first, no repeats
 * @param warnings warnings raised while rendering (e.g. unknown uid), first first, no repeats
 */
public record RenderedDockerfile(String image, String text, List<String> imageReferences, List<String> warnings) {
  public RenderedDockerfile {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(text, "text");
    imageReferences = List.copyOf(imageReferences);
    warnings = List.copyOf(warnings);
  }
}
