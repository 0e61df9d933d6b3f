package org.containerops.tagging.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.containerops.tagging.runner.CommandRunner;
import org.containerops.tagging.runner.ShellWords;

/**
 * A manifest section defined as data in a hierarchy file (upstream's are Python functions): a title and
 * one or more commands, each shown as upstream's {@code quoted_output} ({@link QuotedOutput}) does.
 *
 * @param name the name images refer to, e.g. {@code npm_packages_manifest}
 * @param title starts with {@code "## "}
 * @param commands run in order, each one quoted block; at least one
 */
public record CommandManifest(String name, String title, List<String> commands) implements Manifest {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException naming the field: title without {@code "## "}, no or empty commands
   */
  public CommandManifest {
    Objects.requireNonNull(name, "name");
    new MarkdownPiece(title, List.of()); // the title rule, one place
    commands = List.copyOf(commands);
    if (commands.isEmpty()) {
      throw new IllegalArgumentException("command: want at least one command line");
    }
    for (String c : commands) {
      if (c == null || ShellWords.split(c).isEmpty()) {
        throw new IllegalArgumentException("command: want a command line, got " + c);
      }
    }
  }

  @Override
  public MarkdownPiece piece(CommandRunner container) {
    List<String> sections = new ArrayList<>();
    for (String c : commands) {
      sections.add(QuotedOutput.of(container, c));
    }
    return new MarkdownPiece(title, sections);
  }

  @Override
  public String toString() {
    return name;
  }
}
