package org.containerops.tagging.merge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.containerops.tagging.api.MergeTagsResult;
import org.containerops.tagging.api.MergeTagsResult.Merged;
import org.containerops.tagging.api.MergeTagsSpec;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.api.TaggingListener;
import org.containerops.tagging.git.GitInfo;
import org.containerops.tagging.output.OutputFormats;
import org.containerops.tagging.registry.ImageReference;
import org.containerops.tagging.registry.RegistryClient;

/**
 * Upstream's {@code merge_tags} ({@code tagging/apps/merge_tags.py:80-123}) and {@code calculate_image_ref}
 * ({@code tagging/apps/calculate_image_ref.py}) on the registry API ({@link IndexBuilder}) instead of
 * {@code docker buildx imagetools}.
 */
public final class TagMerger {
  private final RegistryClient registry;
  private final TaggingListener listener;

  /** A merger talking to registries through {@code registry}. */
  public TagMerger(RegistryClient registry, TaggingListener listener) {
    this.registry = registry;
    this.listener = listener;
  }

  /**
   * Merges every tag of the image's tags files.
   *
   * @param git the commit; when not pushing, merged tags ending with its 12-char hash are skipped
   * @throws TaggingException when pushing and a platform tag is missing ({@code MANIFEST_NOT_FOUND}) or no
   *     platform tag exists ({@code NOTHING_TO_DO}); {@code REGISTRY} on registry failures
   */
  public MergeTagsResult merge(MergeTagsSpec spec, GitInfo git) {
    Map<String, Set<String>> tags = MergedTags.read(spec.tagsDir(), spec.image(), spec.variant());
    List<Merged> merged = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : tags.entrySet()) {
      String tag = e.getKey();
      if (!spec.push() && tag.endsWith(git.commitHashTag())) {
        listener.warning("not pushing: skipping the SHA tag " + tag);
        skipped.add(tag);
        continue;
      }
      List<String> platformTags = new ArrayList<>();
      for (String platform : e.getValue().stream().sorted().toList()) {
        String platformTag = MergedTags.platformTag(tag, platform);
        if (registry.manifest(ImageReference.parse(platformTag)).isPresent()) {
          platformTags.add(platformTag);
        } else if (spec.push()) {
          throw new TaggingException(Reason.MANIFEST_NOT_FOUND, "manifest unknown: " + platformTag
              + " (push the per-platform tags first)", null);
        } else {
          listener.warning("manifest unknown: " + platformTag);
        }
      }
      if (platformTags.isEmpty()) {
        if (spec.push()) {
          throw new TaggingException(Reason.NOTHING_TO_DO, "no platform tag of " + tag + " is in the registry", null);
        }
        listener.warning("no platform tag of " + tag + " is in the registry; nothing to merge");
        skipped.add(tag);
        continue;
      }
      IndexBuilder.Index index = IndexBuilder.build(registry, platformTags, tag);
      Optional<String> digest = Optional.empty();
      if (spec.push()) {
        digest = Optional.of(registry.putManifest(ImageReference.parse(tag), index.mediaType(), index.body()));
      }
      listener.merged(tag, platformTags, spec.push());
      merged.add(new Merged(tag, platformTags, index.text(), digest));
    }
    return new MergeTagsResult(merged, skipped);
  }

  /**
   * The reference by digest: with a platform, of the first line of its tags file (its {@code -latest}
   * tag); otherwise of the first merged tag. Prints {@code image@sha256:...} in the CLI.
   *
   * @return empty when the tag has no manifest and not pushing (upstream warns)
   * @throws TaggingException {@code NOTHING_TO_DO} when there is no tag; {@code MANIFEST_NOT_FOUND} when
   *     pushing and the manifest is missing
   */
  public Optional<String> imageRef(MergeTagsSpec spec) {
    String tag;
    if (spec.platform().isPresent()) {
      Path file = spec.tagsDir().resolve(OutputFormats.tagsFileName(spec.platform().get(), spec.variant(),
          spec.image()));
      List<String> lines = MergedTags.lines(file);
      if (lines.isEmpty()) {
        throw new TaggingException(Reason.NOTHING_TO_DO, "tags file " + file + " is empty", null);
      }
      tag = lines.get(0);
    } else {
      tag = MergedTags.read(spec.tagsDir(), spec.image(), spec.variant()).keySet().stream().findFirst()
          .orElseThrow(() -> new TaggingException(Reason.NOTHING_TO_DO, "no tags file for " + spec.image()
              + " (variant " + spec.variant() + ") in " + spec.tagsDir(), null));
    }
    Optional<RegistryClient.Fetched> m = registry.manifest(ImageReference.parse(tag));
    if (m.isEmpty()) {
      if (spec.push()) {
        throw new TaggingException(Reason.MANIFEST_NOT_FOUND, "manifest unknown: " + tag, null);
      }
      listener.warning("manifest unknown: " + tag + "; no image reference");
      return Optional.empty();
    }
    return Optional.of(MergedTags.imagePart(tag) + "@" + m.get().digest());
  }
}
