package org.containerops.tagging.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A manifest section: upstream's {@code MarkdownPiece} ({@code tagging/manifests/manifest_interface.py:9-19}).
 *
 * @param title starts with {@code "## "}
 * @param sections the Markdown blocks after the title, in order
 */
public record MarkdownPiece(String title, List<String> sections) {
  /** Checks the title as upstream's {@code __post_init__} does. */
  public MarkdownPiece {
    if (title == null || !title.startsWith("## ")) {
      throw new IllegalArgumentException("title: must start with '## ', got " + title);
    }
    sections = List.copyOf(sections);
  }

  /** Title and sections joined with a blank line, no trailing newline (upstream {@code get_str()}). */
  public String text() {
    List<String> parts = new ArrayList<>();
    parts.add(title);
    parts.addAll(sections);
    return String.join("\n\n", parts);
  }
}
