package org.containerops.tagging.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.ApplyTagsSpec;
import org.containerops.tagging.api.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Upstream {@code tagging/apps/apply_tags.py}. */
@Command(name = "apply-tags", mixinStandardHelpOptions = true,
    description = "Tag REGISTRY/OWNER/IMAGE:latest with every tag of TAGS_DIR/{platform}-{variant}-{image}.txt.")
final class ApplyTagsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ImageOptions image;
  @Mixin CommonOptions common;

  @Option(names = "--platform", required = true, description = "x86_64, aarch64 or arm64 (= aarch64).")
  String platform;

  @Option(names = "--tags-dir", required = true, description = "Directory of the tags file.")
  Path tagsDir;

  @Override
  public Integer call() {
    ApplyTagsSpec s;
    try {
      s = new ApplyTagsSpec(image.target(), Platform.of(platform), tagsDir);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (ImageTagging t = common.builder(spec.commandLine().getErr(), null).build()) {
      t.applyTags(s).applied().forEach(spec.commandLine().getOut()::println);
    }
    return 0;
  }
}
