package org.containerops.tagging;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.TaggingListener;
import org.containerops.tagging.api.TargetImage;
import org.containerops.tagging.api.WriteManifestResult;
import org.containerops.tagging.api.WriteManifestSpec;
import org.containerops.tagging.api.WriteTagsResult;
import org.containerops.tagging.git.GitInfo;
import org.containerops.tagging.manifest.BuildInfo;
import org.containerops.tagging.output.AtomicWrite;
import org.containerops.tagging.output.OutputFormats;
import org.containerops.tagging.sbom.CycloneDxSbom;
import org.containerops.tagging.sbom.SbomSubject;

/**
 * Turns what one container run computed ({@link ImageTasks.Outcome}) into upstream's files: the tags file,
 * the history line and the manifest, plus the SBOM. Every text is made before the first file is written,
 * and each file is written atomically, so a failure leaves no half-written set.
 */
final class ImageFiles {
  private final Platform platform;
  private final String buildTimestamp;
  private final Instant buildInstant;
  private final LocalImages localImages;
  private final TaggingListener listener;

  ImageFiles(Platform platform, Instant buildInstant, String buildTimestamp, LocalImages localImages,
      TaggingListener listener) {
    this.platform = platform;
    this.buildInstant = buildInstant;
    this.buildTimestamp = buildTimestamp;
    this.localImages = localImages;
    this.listener = listener;
  }

  /** Upstream {@code write_tags_file}'s file, {@code {platform}-{variant}-{image}.txt}. */
  WriteTagsResult tagsFile(TargetImage t, Path tagsDir, List<String> values) {
    List<String> tags = OutputFormats.tags(t.fullImage(), platform.tagPrefix(t.variant()), values);
    Path file = tagsDir.resolve(OutputFormats.tagsFileName(platform, t.variant(), t.image()));
    AtomicWrite.text(file, OutputFormats.tagsFile(tags));
    listener.fileWritten(file);
    return new WriteTagsResult(file, tags);
  }

  /** Upstream {@code write_manifest}'s two files, and the SBOM when the spec asks for it. */
  WriteManifestResult manifestFiles(WriteManifestSpec spec, GitInfo g, ImageTasks.Outcome o) {
    TargetImage t = spec.target();
    String base = OutputFormats.buildFileBase(platform, t.variant(), t.image(), g);
    String line = OutputFormats.historyLine(buildTimestamp, t.fullImage(), platform.tagPrefix(t.variant()),
        o.values(), spec.repository(), t.image(), g, base);
    BuildInfo info = new BuildInfo(t.registry(), t.owner(), t.image(), spec.repository(), buildTimestamp,
        localImages.humanSize(t.localLatest()), g);
    String manifest = OutputFormats.manifestDocument(t.image(), g, info.piece().text(), o.pieces());
    Optional<String> sbom = o.sbom().map(inv -> {
      LocalImages.Identity id = localImages.identity(t.localLatest());
      return CycloneDxSbom.json(new SbomSubject(t.fullImage(), id.id(), id.repoDigests(), g, spec.repository(),
          buildInstant), inv, toolVersion());
    });
    Path lineFile = spec.histLinesDir().resolve(base + ".txt");
    Path manifestFile = spec.manifestsDir().resolve(base + ".md");
    AtomicWrite.text(lineFile, line);
    listener.fileWritten(lineFile);
    AtomicWrite.text(manifestFile, manifest);
    listener.fileWritten(manifestFile);
    Optional<Path> sbomFile = sbom.map(json -> {
      Path f = spec.manifestsDir().resolve(base + ".cdx.json");
      AtomicWrite.text(f, json);
      listener.fileWritten(f);
      return f;
    });
    return new WriteManifestResult(lineFile, manifestFile, line, manifest, sbomFile);
  }

  private static String toolVersion() {
    String v = ImageFiles.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
