package org.containerops.feedstock.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionMatchTest {
  @ParameterizedTest(name = "match({0}, {1}) = {2}")
  @CsvSource(delimiter = ';', value = {
      "3.11.* *_cpython; >=3.10; true",
      "3.11.* *_cpython; <3.11; false",
      "3.11; >=3.8,<3.12; true",
      "3.12; >=3.8,<3.12; false",
      "3.10; 3.10|3.12; true",
      "3.11; 3.10|3.12; false",
      "3.11.4; 3.11.*; true",
      "3.1; 3.11.*; false",
      "3.11; ==3.11.0; true",
      "3.9; !=3.9; false",
      "3.10; ~=3.9; true",
      "4.0; ~=3.9; false",
      "1.26; =1; true",
      "12.6; >=12; true",
      "None; >=12; false",
      "1.0rc1; <1.0; true",
  })
  void matchesCondaVersionSpecs(String value, String spec, boolean expected) {
    assertEquals(expected, VersionMatch.matches(value, spec));
  }

  @org.junit.jupiter.api.Test
  void unsetNeverMatchesAndEmptySpecIsAnError() {
    assertEquals(false, VersionMatch.matches(null, ">=1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionMatch.matches("1", " "));
    assertEquals("match: empty version spec ' '", e.getMessage());
  }
}
