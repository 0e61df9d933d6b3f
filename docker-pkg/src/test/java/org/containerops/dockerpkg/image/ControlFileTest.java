package org.containerops.dockerpkg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlFileTest {
  @TempDir Path tmp;

  @Test
  void buildDependsThenDependsOfEveryParagraphWithContinuations() throws IOException {
    Path f = Files.writeString(tmp.resolve("control"), "# comment\nSource: x\nBuild-Depends: a,\n b , c\n"
        + "Description: long\n text, with commas\n\nPackage: x\ndepends: d, e (>= 1),\n");
    assertEquals(List.of("a", "b", "c", "d", "e (>= 1)"), ControlFile.dependencies(f));
    assertEquals(2, ControlFile.paragraphs(f).size());
    assertEquals("long\n text, with commas", ControlFile.paragraphs(f).get(0).get("description"));
  }

  @Test
  void corpusControlWithDescriptionContinuation() {
    Path golang = org.containerops.dockerpkg.Fixtures.corpusImages().resolve("golang/1.22/control");
    assertEquals(List.of(), ControlFile.dependencies(golang));
    assertEquals("golang1.22", ControlFile.paragraphs(golang).get(0).get("package"));
  }
}
