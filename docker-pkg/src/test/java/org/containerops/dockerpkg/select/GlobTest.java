package org.containerops.dockerpkg.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python fnmatch.fnmatchcase results. */
class GlobTest {
  @ParameterizedTest
  @CsvSource({
      "*golang*, docker-registry.wikimedia.org/golang1.22:1.22-20260816, true",
      "*/golang1.22:*, docker-registry.wikimedia.org/golang1.22:1.22-20260816, true",
      "golang*, docker-registry.wikimedia.org/golang1.22:1.22-20260816, false",
      "*python:*, example.org/python:3.11, true",
      "*python:*, example.org/python3:3.11, false",
      "a?c, abc, true",
      "a?c, a/c, true",
      "a?c, ac, false",
      "[ab]x, bx, true",
      "[!ab]x, cx, true",
      "[!ab]x, ax, false",
      "[]]x, ]x, true",
      "[x, [x, true",
      "a.b, axb, false",
      "A*, abc, false",
      "*, '', true",
      "c*, c, true",
      "[a-c]1, b1, true",
  })
  void matchesLikeFnmatch(String pattern, String text, boolean expected) {
    assertEquals(expected, new Glob(pattern).matches(text), pattern + " ~ " + text);
  }
}
