package org.containerops.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TailBufferTest {

  @Test
  void keepsOnlyTheLastBytes() {
    TailBuffer t = new TailBuffer(4);
    byte[] a = "abc".getBytes(StandardCharsets.UTF_8);
    t.write(a, 0, 3);
    t.write("defgh".getBytes(StandardCharsets.UTF_8), 1, 3); // "efg"
    assertArrayEquals("cefg".getBytes(StandardCharsets.UTF_8), t.bytes());
    assertEquals(6, t.written());
    assertEquals("[... 2 earlier bytes not kept]\ncefg", t.text());
  }

  @Test
  void aWriteLargerThanTheCapacityKeepsItsEnd() {
    TailBuffer t = new TailBuffer(3);
    t.write("0123456789".getBytes(StandardCharsets.UTF_8), 0, 10);
    assertEquals("[... 7 earlier bytes not kept]\n789", t.text());
  }

  @Test
  void aCharacterCutInHalfIsDropped() {
    TailBuffer t = new TailBuffer(3);
    t.write("xü!".getBytes(StandardCharsets.UTF_8), 0, 4); // x, c3 bc, !
    t.write(new byte[0], 0, 0);
    assertEquals("[... 1 earlier bytes not kept]\nü!", t.text());
    TailBuffer cut = new TailBuffer(2);
    cut.write("xü!".getBytes(StandardCharsets.UTF_8), 0, 4);
    assertEquals("[... 2 earlier bytes not kept]\n!", cut.text());
  }
}
