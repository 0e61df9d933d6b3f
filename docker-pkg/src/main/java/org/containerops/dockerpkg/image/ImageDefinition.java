package org.containerops.dockerpkg.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.containerops.dockerpkg.config.DockerPkgConfig;

/**
 * An image directory: {@code Dockerfile.template} plus a Debian {@code changelog}, an optional
 * {@code control} and an optional {@code test.sh} (upstream image.py:73-96).
 *
 * @param dir the image directory
 * @param name the package of the changelog's first entry (the image's short name)
 * @param version the version of that entry, verbatim: the image tag
 * @param depends {@code Build-Depends} then {@code Depends} of every control paragraph, in file
 *     order, empty entries dropped; names of other images or external ones
 * @param hasTest whether {@code test.sh} exists
 */
public record ImageDefinition(Path dir, String name, String version, List<String> depends, boolean hasTest) {
  /** Name of the template file in an image directory. */
  public static final String TEMPLATE = "Dockerfile.template";
  /** Name of the optional build-stage template whose image produces {@code /build} artifacts. */
  public static final String BUILD_TEMPLATE = "Dockerfile.build.template";

  public ImageDefinition {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    depends = List.copyOf(depends);
  }

  /** @return this image's label under the config's registry and namespace */
  public ImageLabel label(DockerPkgConfig config) {
    return ImageLabel.of(config, name, version);
  }
}
