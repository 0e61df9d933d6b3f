package org.containerops.tagging.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.ApplyTagsSpec;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.WriteManifestSpec;
import org.containerops.tagging.api.WriteTagsSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Upstream's {@code make hook/IMAGE} ({@code Makefile:112-135}): write-tags-file, write-manifest, apply-tags. */
@Command(name = "hook", mixinStandardHelpOptions = true,
    description = "write-tags-file, write-manifest and apply-tags for one image, as upstream's make hook/IMAGE.")
final class HookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ImageOptions image;
  @Mixin CommonOptions common;

  @Option(names = "--dir", required = true, paramLabel = "DIR",
      description = "Base directory: tags/, hist_lines/ and manifests/ are made under it (upstream: $TMP/jupyter).")
  Path dir;

  @Option(names = "--repository", required = true, description = "Repository name on GitHub (owner/name).")
  String repository;

  @Override
  public Integer call() {
    WriteManifestSpec m;
    try {
      m = new WriteManifestSpec(image.target(), dir.resolve("hist_lines"), dir.resolve("manifests"), repository);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (ImageTagging t = common.builder(spec.commandLine().getErr(), null).build()) {
      Platform p = t.platform();
      t.writeTagsFile(new WriteTagsSpec(m.target(), dir.resolve("tags")));
      t.writeManifest(m);
      t.applyTags(new ApplyTagsSpec(m.target(), p, dir.resolve("tags")));
    }
    return 0;
  }
}
