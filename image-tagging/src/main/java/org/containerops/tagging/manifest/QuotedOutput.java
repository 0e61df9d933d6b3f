package org.containerops.tagging.manifest;

import java.util.ArrayList;
import java.util.List;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.runner.CommandRunner;
import org.containerops.tagging.text.PythonText;

/** Upstream's {@code quoted_output} ({@code tagging/utils/quoted_output.py:10-24}). */
public final class QuotedOutput {
  private QuotedOutput() {}

  /**
   * Runs {@code command} and quotes its output: outer newlines stripped (leading spaces kept), every line
   * right-stripped, then {@code `cmd`:}, a blank line and a {@code text} fence; no trailing newline.
   *
   * @throws TaggingException {@code EMPTY_OUTPUT} when nothing is left, or what the command raised
   */
  public static String of(CommandRunner container, String command) {
    String body = format(container.exec(command));
    if (body.isEmpty()) {
      throw new TaggingException(Reason.EMPTY_OUTPUT, "Command `" + command + "` returned empty output in "
          + container.image(), null, container.image(), command, 0, "", null);
    }
    return "`" + command + "`:\n\n```text\n" + body + "\n```";
  }

  /** Steps 2 and 3: strip outer {@code \n}, right-strip every line. */
  static String format(String output) {
    List<String> lines = new ArrayList<>();
    for (String line : PythonText.strip(output, '\n').split("\n", -1)) {
      lines.add(PythonText.rstrip(line));
    }
    return String.join("\n", lines);
  }
}
