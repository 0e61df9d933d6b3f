package org.containerops.tagging.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Python-exact whitespace. The table is CPython 3.11's (Unicode 14) {@code [c for c in range(0x110000)
 * if chr(c).isspace()]} and {@code str.splitlines()} boundaries, listed from its unicode database.
 */
class PythonTextTest {
  /** Every code point Python's {@code str.isspace()} accepts: 29 of them. */
  static final int[] PYTHON_SPACE = {
      0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
      0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
      0x2028, 0x2029, 0x202f, 0x205f, 0x3000};
  /** Look like space (or Java calls them whitespace) but Python's {@code isspace()} says no. */
  static final int[] NOT_PYTHON_SPACE = {0x200b, 0xfeff, 0x180e, 0x200c, 0x200d, 0x2060, 0x00ad, 0x0000, 0x7f};
  /** {@code str.splitlines()} boundaries. */
  static final int[] PYTHON_LINE_BREAK = {0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029};

  static IntStream pythonSpace() {
    return IntStream.of(PYTHON_SPACE);
  }

  static IntStream notPythonSpace() {
    return IntStream.of(NOT_PYTHON_SPACE);
  }

  @ParameterizedTest(name = "U+{0}")
  @MethodSource("pythonSpace")
  void everyPythonSpaceIsStrippedSplitAndRstripped(int cp) {
    String ws = Character.toString(cp);
    assertTrue(PythonText.isSpace(cp));
    assertEquals("a" + ws + "b", PythonText.strip(ws + ws + "a" + ws + "b" + ws));
    assertEquals("a" + ws, PythonText.lstrip(ws + "a" + ws));
    assertEquals(ws + "a", PythonText.rstrip(ws + "a" + ws + ws));
    assertEquals(List.of("x", "y"), PythonText.split(ws + "x" + ws + ws + "y" + ws));
    assertEquals("", PythonText.strip(ws));
  }

  @ParameterizedTest(name = "U+{0}")
  @MethodSource("notPythonSpace")
  void formatCharactersAreNotSpace(int cp) {
    String c = Character.toString(cp);
    assertFalse(PythonText.isSpace(cp));
    assertEquals(c + "a" + c, PythonText.strip(c + "a" + c));
    assertEquals(c + "a" + c, PythonText.rstrip(c + "a" + c));
    assertEquals(List.of("x" + c + "y"), PythonText.split(" x" + c + "y "));
  }

  @Test
  void noOtherCodePointIsSpace() {
    Set<Integer> expected = new TreeSet<>();
    IntStream.of(PYTHON_SPACE).forEach(expected::add);
    Set<Integer> found = new TreeSet<>();
    IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(PythonText::isSpace).forEach(found::add);
    assertEquals(expected, found);
    Set<Integer> breaks = new TreeSet<>();
    IntStream.of(PYTHON_LINE_BREAK).forEach(breaks::add);
    Set<Integer> foundBreaks = new TreeSet<>();
    IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(PythonText::isLineBreak).forEach(foundBreaks::add);
    assertEquals(breaks, foundBreaks);
  }

  @Test
  void javaStripDisagreesWherePythonStripIsNeeded() {
    // the issue's case: a commit message ending with a no-break space
    assertEquals("msg", PythonText.strip("\u00a0msg\u2007\u202f\u0085"));
    assertEquals("\u00a0msg\u2007\u202f\u0085", "\u00a0msg\u2007\u202f\u0085".strip());
    assertEquals("\u200bmsg", PythonText.strip(" \u200bmsg "));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029})
  void splitlinesBreaksWherePythonDoes(int cp) {
    String b = Character.toString(cp);
    assertEquals(List.of("a", "", "b"), PythonText.splitlines("a" + b + b + "b" + b));
  }

  @Test
  void splitlinesEdgeCases() {
    assertEquals(List.of(), PythonText.splitlines(""));
    assertEquals(List.of("a", "b"), PythonText.splitlines("a\r\nb\r\n"));
    assertEquals(List.of("a", "", "b"), PythonText.splitlines("a\r\rb"));
    assertEquals(List.of(""), PythonText.splitlines("\n"));
    assertEquals(List.of("a\u001fb"), PythonText.splitlines("a\u001fb"));
  }

  @Test
  void rstripAndSplitUsePythonWhitespace() {
    assertEquals("a b", PythonText.rstrip("a b \t\n\u00a0\u0085\u001c"));
    assertEquals(List.of("R", "version", "4.4.2"), PythonText.split("  R version\u00a04.4.2\n"));
    assertEquals(List.of(), PythonText.split(" \n "));
    assertEquals("3.11", PythonText.strip("\"3.11\"", '"'));
  }
}
