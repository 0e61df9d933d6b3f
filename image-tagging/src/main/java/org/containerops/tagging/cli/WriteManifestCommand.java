package org.containerops.tagging.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.WriteManifestResult;
import org.containerops.tagging.api.WriteManifestSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Upstream {@code tagging/apps/write_manifest.py}. */
@Command(name = "write-manifest", mixinStandardHelpOptions = true,
    description = "Write the build-history line and the build manifest ({platform}-{variant}-{image}-{sha12}.txt/.md).")
final class WriteManifestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ImageOptions image;
  @Mixin CommonOptions common;

  @Option(names = "--hist-lines-dir", required = true, description = "Directory for the history line.")
  Path histLinesDir;

  @Option(names = "--manifests-dir", required = true, description = "Directory for the manifest.")
  Path manifestsDir;

  @Option(names = "--repository", required = true, description = "Repository name on GitHub (owner/name).")
  String repository;

  @Option(names = "--sbom", description = "Also write a CycloneDX 1.6 JSON SBOM beside the manifest "
      + "({platform}-{variant}-{image}-{sha12}.cdx.json): apt, conda and pip packages, image digest, git commit.")
  boolean sbom;

  @Mixin HostPlatformOption platform;

  @Override
  public Integer call() {
    WriteManifestSpec s;
    try {
      s = new WriteManifestSpec(image.target(), histLinesDir, manifestsDir, repository, sbom);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ImageTagging.Builder b = platform.builder(spec, common);
    try (ImageTagging t = b.build()) {
      WriteManifestResult r = t.writeManifest(s);
      spec.commandLine().getOut().println(r.historyLineFile());
      spec.commandLine().getOut().println(r.manifestFile());
      r.sbomFile().ifPresent(f -> spec.commandLine().getOut().println(f));
    }
    return 0;
  }
}
