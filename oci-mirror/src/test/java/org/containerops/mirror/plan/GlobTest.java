package org.containerops.mirror.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void matchesLikeFnmatch() {
    assertTrue(Glob.of("dummy-*").matches("dummy-package"));
    assertTrue(Glob.of("py?hon").matches("python"));
    assertTrue(Glob.of("[rz]lib").matches("zlib"));
    assertFalse(Glob.of("[!z]lib").matches("zlib"));
    assertFalse(Glob.of("zlib").matches("zlib-ng"));
    assertTrue(Glob.of("lib.c++").matches("lib.c++"));
  }
}
