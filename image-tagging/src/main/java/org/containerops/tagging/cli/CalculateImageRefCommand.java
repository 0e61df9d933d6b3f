package org.containerops.tagging.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.MergeTagsSpec;
import org.containerops.tagging.api.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Upstream {@code tagging/apps/calculate_image_ref.py}: what cosign signs. */
@Command(name = "calculate-image-ref", mixinStandardHelpOptions = true,
    description = "Print IMAGE@DIGEST of the platform's -latest tag, or of the first merged tag without --platform.")
final class CalculateImageRefCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--image", required = true, description = "Short image name.")
  String image;

  @Option(names = "--variant", required = true, description = "Variant tag prefix; 'default' for none.")
  String variant;

  @Option(names = "--platform", description = "x86_64, aarch64 or arm64; default: the merged tag.")
  String platform;

  @Option(names = "--tags-dir", required = true, description = "Directory of the tags files.")
  Path tagsDir;

  @Override
  public Integer call() {
    Optional<Platform> p;
    try {
      p = platform == null || platform.isEmpty() ? Optional.empty() : Optional.of(Platform.of(platform));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    MergeTagsSpec s = new MergeTagsSpec(image, variant, tagsDir, MergeTagsSpec.pushFromEnvironment(), p);
    try (ImageTagging t = common.builder(spec.commandLine().getErr(), null).build()) {
      t.imageRef(s).ifPresent(spec.commandLine().getOut()::println);
    }
    return 0;
  }
}
