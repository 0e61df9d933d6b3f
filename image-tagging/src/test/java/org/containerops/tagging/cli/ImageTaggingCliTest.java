package org.containerops.tagging.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImageTaggingCliTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = ImageTaggingCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void versionAndSubcommandsAreListed() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("image-tagging "));
    assertEquals(0, run("--help"));
    for (String c : new String[] {"write-tags-file", "write-manifest", "apply-tags", "merge-tags",
        "calculate-image-ref", "hook"}) {
      assertTrue(out.toString().contains(c), c);
    }
  }

  @Test
  void badOptionsExitTwoNamingTheField(@TempDir Path dir) {
    assertEquals(2, run("write-tags-file", "--registry", "quay.io", "--owner", "jupyter", "--image", "Bad Name",
        "--variant", "default", "--tags-dir", dir.toString()));
    assertTrue(err.toString().contains("image: invalid value 'Bad Name'"), err.toString());
    assertEquals(2, run("apply-tags", "--registry", "quay.io", "--owner", "o", "--image", "i"));
  }

  @Test
  void missingTagsFilesFailWithOneLine(@TempDir Path dir) {
    assertEquals(1, run("calculate-image-ref", "--image", "base-notebook", "--variant", "default",
        "--tags-dir", dir.toString()));
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("image-tagging: no tags file for base-notebook"), err.toString());
  }

  @Test
  void unknownHierarchyImageFailsBeforeAnyContainer(@TempDir Path dir) {
    assertEquals(1, run("write-tags-file", "--registry", "127.0.0.1:5000", "--owner", "o", "--image", "nope",
        "--variant", "default", "--tags-dir", dir.toString(), "--git-dir", dir.toString()));
    assertTrue(err.toString().contains("'nope' is not in the hierarchy"), err.toString());
  }
}
