package org.containerops.dockerpkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianVersionTest {
  @ParameterizedTest
  @CsvSource({
      "1.0-2, 0, 1.0, 2",
      "1:2.0~rc1-3, 1, 2.0~rc1, 3",
      "2.3.4-1-s2, 0, 2.3.4-1, s2",
      "v20220915-3, 0, v20220915, 3",
      "1.63.0, 0, 1.63.0, ''",
  })
  void parsesLikePythonDebian(String text, long epoch, String upstream, String revision) {
    assertEquals(new DebianVersion(epoch, upstream, revision), DebianVersion.parse(text));
  }

  /** Pairs ordered by dpkg --compare-versions (lt). */
  @ParameterizedTest
  @CsvSource({
      "1.0~rc1, 1.0",
      "1.0, 1.0-1",
      "1.0-1, 1.0-2",
      "1.0-9, 1.0-10",
      "1.22-20260816, 1.22-20260816-s1",
      "8.1.33-1-s4-20260816, 8.1.33-1-s4-20260816-s1",
      "1.0a, 1.0+",
      "1.0, 1.0a",
      "9:1.0, 10:0.1",
      "0.0.1~alpha1, 0.0.1~alpha1-s1",
  })
  void ordersLikeDpkg(String lower, String higher) {
    assertTrue(DebianVersion.parse(lower).compareTo(DebianVersion.parse(higher)) < 0, lower + " < " + higher);
    assertTrue(DebianVersion.parse(higher).compareTo(DebianVersion.parse(lower)) > 0, higher + " > " + lower);
  }

  @Test
  void equalVersionsCompareEqual() {
    assertEquals(0, DebianVersion.parse("1.0-0").compareTo(DebianVersion.parse("1.0-00")));
    assertEquals(0, DebianVersion.parse("0:1.0").compareTo(DebianVersion.parse("1.0")));
  }

  @Test
  void invalidVersionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> DebianVersion.parse("1.0 beta"));
    assertThrows(IllegalArgumentException.class, () -> DebianVersion.parse("1.0_1"));
    assertThrows(IllegalArgumentException.class, () -> DebianVersion.parse(""));
  }
}
