package org.containerops.dockerpkg.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.containerops.dockerpkg.Fixtures;
import org.containerops.dockerpkg.api.DebianVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VersionBumpTest {
  /** Upstream's new_tag (image.py:98-114), written out here to compare against: null where it raises. */
  static String upstreamNewTag(String version, String id) {
    Matcher m = Pattern.compile("^([\\d\\-.]+?)(-" + id + "(\\d+))?$").matcher(version);
    if (!m.matches()) {
      return null;
    }
    return m.group(1) + "-" + id + (m.group(3) == null ? 1 : Integer.parseInt(m.group(3)) + 1);
  }

  /** Upstream's examples, tests/test_images.py:102-117, and the reference's corpus example. */
  @ParameterizedTest
  @CsvSource({
      "0.1.2, s, 0.1.2-s1",
      "0.1.2-1-s8, s, 0.1.2-1-s9",
      "0.1.2-1, '', 0.1.2-2",
      "1.22-20260816, s, 1.22-20260816-s1",
  })
  void upstreamExamples(String version, String id, String expected) {
    assertEquals(expected, VersionBump.next(version, id));
    assertEquals(expected, upstreamNewTag(version, id));
  }

  @ParameterizedTest
  @CsvSource({
      "0.1.2-1~wmf2, s, 0.1.2-1~wmf2-s1",
      "8.1.33-1-s4-20260816, s, 8.1.33-1-s4-20260816-s1",
      "v20220915-3, s, v20220915-3-s1",
      "2.1.2rocm5.6-3-20260816-s9, s, 2.1.2rocm5.6-3-20260816-s10",
      "0.0.1~alpha1, s, 0.0.1~alpha1-s1",
  })
  void versionsUpstreamRejectsStillBump(String version, String id, String expected) {
    assertEquals(expected, VersionBump.next(version, id));
  }

  static Stream<String> corpusVersions() throws IOException {
    try (Stream<Path> walk = Files.walk(Fixtures.corpusImages())) {
      return walk.filter(p -> p.getFileName().toString().equals("changelog")).sorted()
          .map(p -> Changelog.read(p).latest().version()).toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpusVersions")
  void everyCorpusVersionBumpsToAGreaterValidTag(String version) {
    String next = VersionBump.next(version, "s");
    assertTrue(DebianVersion.parse(next).compareTo(DebianVersion.parse(version)) > 0, version + " -> " + next);
    assertTrue(next.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"), "a valid Docker tag: " + next);
    String upstream = upstreamNewTag(version, "s");
    if (upstream != null) {
      assertEquals(upstream, next, "same as upstream where upstream works");
    }
    String again = VersionBump.next(next, "s");
    assertTrue(DebianVersion.parse(again).compareTo(DebianVersion.parse(next)) > 0, next + " -> " + again);
  }

  @Test
  void upstreamFailsOn16CorpusVersionsThatWeHandle() throws IOException {
    List<String> failing = corpusVersions().filter(v -> upstreamNewTag(v, "s") == null).toList();
    assertEquals(16, failing.size(), failing.toString());
    assertTrue(failing.contains("8.1.33-1-s4-20260816"));
    assertTrue(failing.contains("v20220915-3"));
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> VersionBump.next("1.0", "s1"));
    assertThrows(IllegalArgumentException.class, () -> VersionBump.next("", "s"));
  }
}
