package org.containerops.feedstock.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ports upstream tests/test_utils.py:31, :102, :124, :146 with their expected values. */
class SpecHelpersTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "blah 1.1*; blah 1.1.*",
      "blah * *_osx; blah * *_osx",
      "blah 1.1; blah 1.1.*",
      "blah =1.1; blah 1.1.*",
      "blah 1.2 *_osx; blah 1.2.* *_osx",
      "blah >=1.1; blah >=1.1",
      "blah >=1.1|5|>=5,<10|19.0; blah >=1.1|5.*|>=5,<10|19.0.*",
      "blah >=1.1|5| >=5 , <10 |19.0; blah >=1.1|5.*|>=5,<10|19.0.*"})
  void convertSpecToCondaBuild(String in, String out) {
    assertEquals(out, CondaBuildSpec.convert(in));
  }

  @Test
  void applyPinCompatible() {
    String v = "1.2.3";
    String b = "h24524543_0";
    String min = "x.x.x.x.x.x";
    assertEquals(">=1.2.3,<2.0a0", PinCompatible.apply(v, b, null, null, min, "x", false));
    assertEquals(">=1.2.4,<2.0a0", PinCompatible.apply(v, b, "1.2.4", null, min, "x", false));
    assertEquals(">=1.2.3,<1.2.4", PinCompatible.apply(v, b, null, "1.2.4", min, "x", false));
    assertEquals(">=1.2.4,<1.2.5", PinCompatible.apply(v, b, "1.2.4", "1.2.5", min, "x", false));
    assertEquals(v + " " + b, PinCompatible.apply(v, b, null, null, min, "x", true));
    assertEquals(">=1.2.3,<1.3.0a0", PinCompatible.apply(v, b, null, null, min, "x.x", false));
    assertEquals(">=1.2,<2.0a0", PinCompatible.apply(v, b, null, null, "x.x", "x", false));
  }

  @Test
  void replacePinCompatible() {
    List<String> host = List.of("foo 1.2.3 5", "bar 2.3 1", "baz 3.4 h5678_1");
    List<String> reqs = List.of(
        "pin_compatible('foo') mpi_*",
        "pin_compatible('bar', exact=True)",
        "pin_compatible('baz', upper_bound='3.8')",
        "pin_compatible('baz', lower_bound=3.5, upper_bound='3.8')",
        "pin_compatible('foo', max_pin='x.x')");
    assertEquals(List.of("foo >=1.2.3,<2.0a0 mpi_*", "bar 2.3 1", "baz >=3.4,<3.8", "baz >=3.5,<3.8",
        "foo >=1.2.3,<1.3.0a0"), PinCompatible.replace(reqs, host, false));
  }

  @Test
  void replacePinCompatibleRaisesUpstreamsMessages() {
    assertMessage("Package foo not found in host", List.of("pin_compatible('foo') mpi_*"), List.of());
    assertMessage("Package found in host but no version", List.of("pin_compatible('foo') mpi_*"), List.of("foo"));
    assertMessage("Build string cannot be given for pin_compatible with exact=True!",
        List.of("pin_compatible('foo', exact=True) mpi_*"), List.of("foo 14 dfgdfs"));
    assertMessage("Very odd", List.of("5 pin_compatible('foo') mpi_*"), List.of("foo 14 dfgdfs"));
  }

  private static void assertMessage(String want, List<String> reqs, List<String> host) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinCompatible.replace(reqs, host, true));
    assertTrue(e.getMessage().contains(want), e.getMessage());
  }
}
