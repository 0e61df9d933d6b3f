package org.containerops.tagging.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void javaAndDockerArchitectureNamesMapToUpstreamsNames() {
    assertEquals("x86_64", Platform.of("amd64").name());
    assertEquals("aarch64", Platform.of("arm64").name());
    assertEquals("aarch64", Platform.of("aarch64").name());
    assertEquals("x86_64", Platform.of("x86_64").name());
  }

  @Test
  void filePrefixAlwaysHasTheVariantTagPrefixOnlyWhenNotDefault() {
    Platform p = Platform.of("x86_64");
    assertEquals("x86_64-default", p.filePrefix("default"));
    assertEquals("x86_64", p.tagPrefix("default"));
    assertEquals("x86_64-cuda12", p.tagPrefix("cuda12"));
    assertEquals("x86_64-cuda12", p.filePrefix("cuda12"));
  }
}
