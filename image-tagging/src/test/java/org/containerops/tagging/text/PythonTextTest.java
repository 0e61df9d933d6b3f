package org.containerops.tagging.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTextTest {
  @Test
  void rstripAndSplitUsePythonWhitespace() {
    assertEquals("a b", PythonText.rstrip("a b \t\n\u00a0\u0085\u001c"));
    assertEquals(List.of("R", "version", "4.4.2"), PythonText.split("  R version\u00a04.4.2\n"));
    assertEquals(List.of(), PythonText.split(" \n "));
    assertEquals("3.11", PythonText.strip("\"3.11\"", '"'));
  }
}
