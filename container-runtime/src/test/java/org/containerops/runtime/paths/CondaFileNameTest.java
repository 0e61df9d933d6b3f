package org.containerops.runtime.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CondaFileNameTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "zlib-1.2.13-h5eee18b_0.conda", "python-3.11.7-hab00c5b_1_cpython.tar.bz2",
      "r-base-4.3.2-hb8ee39d_2.conda", "_libgcc_mutex-0.1-conda_forge.tar.bz2",
      "ca-certificates-2024.2.2-hbcca054_0.conda", "libgcc-ng-13.2.0-h807b86a_5.conda",
      "pytorch-2.1.0-cuda118py311h0b4e6b3_300.conda", "jupyter_core-5.7.1-py311h38be061_0.conda",
      "pkg-1!2.0-0.conda", "x-1.0+local.1-0.conda"})
  void acceptsRealPackageNames(String name) {
    assertTrue(CondaFileName.isValid(name), name);
    assertEquals(name, CondaFileName.require(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "../../../../x/NAME-1.0-0.tar.bz2", "/etc/NAME-1.0-0.conda", "sub/NAME-1.0-0.conda",
      "NAME-1.0-0.conda/..", "..-1.0-0.conda", "a-..-0.conda", ".hidden-1.0-0.conda", "-x-1.0-0.conda",
      "NAME-1.0.conda", "NAME-1.0-0.zip", "NAME-1.0-0.tar.gz", "NAME-1.0-0.conda\u0000.txt",
      "NAME-1.0-0\n.conda", "NAME 1-1.0-0.conda", "NAME-1.0-0.conda ", "", "..\\x-1.0-0.conda",
      "C:\\x-1.0-0.conda", "-1.0-0.conda", "x--0.conda", "x-1.0-.conda"})
  void refusesAnythingElse(String name) {
    assertFalse(CondaFileName.isValid(name), name);
    UnsafePathException e = assertThrows(UnsafePathException.class, () -> CondaFileName.require(name));
    assertEquals(name, e.input());
    assertTrue(e.getMessage().contains("not a conda package file name"), e.getMessage());
    assertFalse(e.getMessage().contains("\u0000") || e.getMessage().contains("\n"), "control characters escaped");
  }

  @org.junit.jupiter.api.Test
  void refusesNull() {
    assertFalse(CondaFileName.isValid(null));
    assertThrows(UnsafePathException.class, () -> CondaFileName.require(null));
  }
}
