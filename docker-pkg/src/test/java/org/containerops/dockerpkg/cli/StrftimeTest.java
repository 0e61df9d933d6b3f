package org.containerops.dockerpkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class StrftimeTest {
  private static final LocalDateTime T = LocalDateTime.of(2019, 5, 3, 7, 8, 9);

  @Test
  void formatsNightlyAndSnapshotPatternsAndKeepsLiterals() {
    assertEquals("20190503", Strftime.format("%Y%m%d", T));
    assertEquals("20190503-070809", Strftime.format("%Y%m%d-%H%M%S", T));
    assertEquals("20190503", Strftime.format("20190503", T), "prune --nightly 20190503 (upstream test_cli.py)");
    assertEquals("100%", Strftime.format("100%%", T));
  }

  @Test
  void unknownDirectivesAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> Strftime.format("%j", T));
  }
}
