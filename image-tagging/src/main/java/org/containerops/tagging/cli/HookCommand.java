package org.containerops.tagging.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.WriteManifestSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Upstream's {@code make hook/IMAGE} ({@code Makefile:112-135}): write-tags-file, write-manifest, apply-tags,
 * here in one process and one container ({@link ImageTagging#hook}).
 */
@Command(name = "hook", mixinStandardHelpOptions = true,
    description = "write-tags-file, write-manifest (and the SBOM) and apply-tags for one image, as upstream's "
        + "make hook/IMAGE, in one container.")
final class HookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ImageOptions image;
  @Mixin CommonOptions common;

  @Option(names = "--dir", required = true, paramLabel = "DIR",
      description = "Base directory: tags/, hist_lines/ and manifests/ are made under it (upstream: $TMP/jupyter).")
  Path dir;

  @Option(names = "--repository", required = true, description = "Repository name on GitHub (owner/name).")
  String repository;

  @Option(names = "--sbom", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Write the CycloneDX SBOM beside the manifest (default: yes; --no-sbom for upstream's files only).")
  boolean sbom;

  @Override
  public Integer call() {
    WriteManifestSpec m;
    try {
      m = new WriteManifestSpec(image.target(), dir.resolve("hist_lines"), dir.resolve("manifests"), repository,
          sbom);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (ImageTagging t = common.builder(spec.commandLine().getErr(), null).build()) {
      t.hook(m, dir.resolve("tags"));
    }
    return 0;
  }
}
