package org.containerops.tagging.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.runner.CommandRunner;

/** Recorded command outputs (the reference's examples); a missing command fails like a non-zero exit. */
public final class FakeRunner implements CommandRunner {
  private final Map<String, String> outputs;
  public final List<String> ran = new ArrayList<>();

  public FakeRunner(Map<String, String> outputs) {
    this.outputs = outputs;
  }

  @Override
  public String exec(String commandLine) {
    ran.add(commandLine);
    String out = outputs.get(commandLine);
    if (out == null) {
      throw new TaggingException(Reason.COMMAND_FAILED, "Command: `" + commandLine + "` failed", null, image(),
          commandLine, 1, "", null);
    }
    return out;
  }

  @Override
  public String image() {
    return "fake/image";
  }
}
