package org.containerops.tagging.merge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.text.PythonText;
import org.containerops.tagging.output.OutputFormats;

/**
 * Multi-platform tags from the per-platform tags files: upstream's {@code read_local_tags_from_files}
 * ({@code tagging/apps/merge_tags.py:22-44}) and the platform-tag rule of {@code find_platform_tags}
 * ({@code :47-77}). Pure apart from reading the files.
 */
public final class MergedTags {
  private MergedTags() {}

  /**
   * Reads {@code {tagsDir}/{platform}-{variant}-{image}.txt} for aarch64 then x86_64 (missing files are
   * skipped); each tag becomes {@code tag.replace(platform + "-", "")} (every occurrence, as upstream).
   *
   * @return merged tag to the platforms that have it, in insertion order (aarch64's tags first); sets in
   *     platform order
   */
  public static Map<String, Set<String>> read(Path tagsDir, String image, String variant) {
    Map<String, Set<String>> merged = new LinkedHashMap<>();
    for (String platform : Platform.ALL) {
      Path file = tagsDir.resolve(OutputFormats.tagsFileName(new Platform(platform), variant, image));
      if (!Files.isRegularFile(file)) {
        continue;
      }
      for (String tag : lines(file)) {
        merged.computeIfAbsent(tag.replace(platform + "-", ""), k -> new LinkedHashSet<>()).add(platform);
      }
    }
    merged.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    return Collections.unmodifiableMap(merged);
  }

  /** Python {@code read_text().splitlines()} of a tags file. */
  public static List<String> lines(Path file) {
    try {
      return new ArrayList<>(PythonText.splitlines(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new TaggingException(Reason.IO, "cannot read tags file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The per-platform tag of {@code mergedTag}: {@code image:platform-tag}, splitting at the last {@code :}
   * (port-safe, upstream {@code 81015e19}: {@code localhost:5000/x/y:tag} keeps its port).
   */
  public static String platformTag(String mergedTag, String platform) {
    int colon = mergedTag.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("tag: want image:tag, got " + mergedTag);
    }
    return mergedTag.substring(0, colon) + ":" + platform + "-" + mergedTag.substring(colon + 1);
  }

  /** The part before the last {@code :} (the image without its tag; a port stays). */
  public static String imagePart(String tag) {
    int colon = tag.lastIndexOf(':');
    return colon < 0 ? tag : tag.substring(0, colon);
  }
}
