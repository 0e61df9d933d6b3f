package org.containerops.tagging.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.tagging.ImageTagging;
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

  @Mixin HostPlatformOption platform;

  @Override
  public Integer call() {
    WriteTagsSpec s;
    try {
      s = new WriteTagsSpec(image.target(), tagsDir);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ImageTagging.Builder b = platform.builder(spec, common);
    try (ImageTagging t = b.build()) {
      t.writeTagsFile(s).tags().forEach(spec.commandLine().getOut()::println);
    }
    return 0;
  }
}
