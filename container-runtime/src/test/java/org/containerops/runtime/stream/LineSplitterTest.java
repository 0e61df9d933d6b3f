package org.containerops.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  @Test
  void splitsAcrossWritesAndStripsCarriageReturns() {
    List<String> lines = new ArrayList<>();
    LineSplitter s = new LineSplitter(lines::add);
    byte[] a = "one\r\ntw".getBytes(StandardCharsets.UTF_8);
    byte[] b = "o\nthree".getBytes(StandardCharsets.UTF_8);
    s.write(a, 0, a.length);
    s.write(b, 0, b.length);
    assertEquals(List.of("one", "two"), lines);
    s.flush();
    assertEquals(List.of("one", "two", "three"), lines);
  }

  @Test
  void overlongLinesComeInPieces() {
    List<String> lines = new ArrayList<>();
    LineSplitter s = new LineSplitter(lines::add);
    byte[] big = "x".repeat(LineSplitter.MAX_LINE + 5).getBytes(StandardCharsets.UTF_8);
    s.write(big, 0, big.length);
    s.flush();
    assertEquals(2, lines.size());
    assertEquals(LineSplitter.MAX_LINE, lines.get(0).length());
  }
}
