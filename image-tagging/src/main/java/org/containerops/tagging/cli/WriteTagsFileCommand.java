package org.containerops.tagging.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.WriteTagsSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Upstream {@code tagging/apps/write_tags_file.py}. */
@Command(name = "write-tags-file", mixinStandardHelpOptions = true,
    description = "Run the image's taggers in one container; write TAGS_DIR/{platform}-{variant}-{image}.txt.")
final class WriteTagsFileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ImageOptions image;
  @Mixin CommonOptions common;

  @Option(names = "--tags-dir", required = true, description = "Directory for the tags file.")
  Path tagsDir;

  @Option(names = "--platform", description = "Platform name for prefixes (default: this host's; upstream has no option).")
  String platform;

  @Override
  public Integer call() {
    WriteTagsSpec s;
    Platform p;
    try {
      s = new WriteTagsSpec(image.target(), tagsDir);
      p = platform == null ? null : Platform.of(platform);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ImageTagging.Builder b;
    try {
      b = common.builder(spec.commandLine().getErr(), p);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (ImageTagging t = b.build()) {
      t.writeTagsFile(s).tags().forEach(spec.commandLine().getOut()::println);
    }
    return 0;
  }
}
