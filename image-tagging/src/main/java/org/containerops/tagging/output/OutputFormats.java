package org.containerops.tagging.output;

import java.util.ArrayList;
import java.util.List;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.git.GitInfo;

/**
 * The exact text of upstream's files (docker-stacks {@code 82093869}); pure functions, no I/O. The wiki
 * tooling parses these, so they are byte-identical to upstream.
 */
public final class OutputFormats {
  /** Upstream's {@code MARKDOWN_LINE_BREAK} ({@code write_manifest.py:26}). */
  public static final String LINE_BREAK = "<br />";

  private OutputFormats() {}

  /** {@code {platform}-{variant}-{image}.txt} ({@code write_tags_file.py:37-38}). */
  public static String tagsFileName(Platform platform, String variant, String image) {
    return platform.filePrefix(variant) + "-" + image + ".txt";
  }

  /** {@code {platform}-{variant}-{image}-{sha12}}, the history-line and manifest base name ({@code :106-119}). */
  public static String buildFileBase(Platform platform, String variant, String image, GitInfo git) {
    return platform.filePrefix(variant) + "-" + image + "-" + git.commitHashTag();
  }

  /**
   * The tags file's lines: {@code full:prefix-latest}, then {@code full:prefix-value} per tagger value
   * ({@code write_tags_file.py:15-31}).
   */
  public static List<String> tags(String fullImage, String tagPrefix, List<String> values) {
    List<String> tags = new ArrayList<>();
    tags.add(fullImage + ":" + tagPrefix + "-latest");
    for (String v : values) {
      tags.add(fullImage + ":" + tagPrefix + "-" + v);
    }
    return tags;
  }

  /** The tags file's content: lines joined with {@code \n}, no trailing newline ({@code :42}). */
  public static String tagsFile(List<String> tags) {
    return String.join("\n", tags);
  }

  /**
   * The build-history line ({@code write_manifest.py:29-51}), no trailing newline; the Dockerfile link
   * ignores the variant, as upstream's does.
   */
  public static String historyLine(String buildTimestamp, String fullImage, String tagPrefix, List<String> values,
      String repository, String image, GitInfo git, String fileBase) {
    List<String> images = new ArrayList<>();
    for (String v : values) {
      images.add("`" + fullImage + ":" + tagPrefix + "-" + v + "`");
    }
    String hash = git.commitHash();
    String links = String.join(LINE_BREAK,
        "[Git diff](https://github.com/" + repository + "/commit/" + hash + ")",
        "[Dockerfile](https://github.com/" + repository + "/blob/" + hash + "/images/" + image + "/Dockerfile)",
        "[Build manifest](./" + fileBase + ")");
    return "| `" + buildTimestamp + "` | " + String.join(LINE_BREAK, images) + " | " + links + " |";
  }

  /**
   * The manifest document ({@code write_manifest.py:67-90}): the {@code #} heading, the build info and
   * each manifest's piece, joined with a blank line, plus one final newline.
   */
  public static String manifestDocument(String image, GitInfo git, String buildInfo, List<String> pieces) {
    List<String> parts = new ArrayList<>();
    parts.add("# Build manifest for image: " + image + ":" + git.commitHashTag());
    parts.add(buildInfo);
    parts.addAll(pieces);
    return String.join("\n\n", parts) + "\n";
  }
}
