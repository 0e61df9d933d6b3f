package org.containerops.tagging.cli;

import org.containerops.tagging.api.TargetImage;
import picocli.CommandLine.Option;

/** Upstream's {@code --registry --owner --image --variant} ({@code common_cli_arguments.py:26-50}). */
final class ImageOptions {
  @Option(names = "--registry", required = true, paramLabel = "HOST[:PORT]",
      description = "Image registry, e.g. quay.io, docker.io or 127.0.0.1:5000 (upstream: docker.io or quay.io only).")
  String registry;

  @Option(names = "--owner", required = true, description = "Owner of the image, e.g. jupyter.")
  String owner;

  @Option(names = "--image", required = true, description = "Short image name, e.g. base-notebook.")
  String image;

  @Option(names = "--variant", required = true, description = "Variant tag prefix; 'default' for none.")
  String variant;

  TargetImage target() {
    return new TargetImage(registry, owner, image, variant);
  }
}
