package org.containerops.tagging.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.MergeTagsResult;
import org.containerops.tagging.api.MergeTagsSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Upstream {@code tagging/apps/merge_tags.py}, without buildx: indexes built through the registry API. */
@Command(name = "merge-tags", mixinStandardHelpOptions = true,
    description = {"Create multi-platform tags (image indexes) from the pushed per-platform tags.",
        "Pushes only when PUSH_TO_REGISTRY=true (or --push); otherwise a dry run that prints the indexes."})
final class MergeTagsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--image", required = true, description = "Short image name.")
  String image;

  @Option(names = "--variant", required = true, description = "Variant tag prefix; 'default' for none.")
  String variant;

  @Option(names = "--tags-dir", required = true, description = "Directory of the per-platform tags files.")
  Path tagsDir;

  @Option(names = "--push", description = "Push the indexes even without PUSH_TO_REGISTRY=true.")
  boolean push;

  @Override
  public Integer call() {
    MergeTagsSpec s = new MergeTagsSpec(image, variant, tagsDir, push || MergeTagsSpec.pushFromEnvironment(),
        Optional.empty());
    try (ImageTagging t = common.builder(spec.commandLine().getErr(), null).build()) {
      MergeTagsResult r = t.mergeTags(s);
      for (MergeTagsResult.Merged m : r.merged()) {
        spec.commandLine().getOut().println(m.tag() + m.digest().map(d -> " " + d).orElse(" (dry run)"));
        if (m.digest().isEmpty()) {
          spec.commandLine().getOut().println(m.index());
        }
      }
    }
    return 0;
  }
}
