package org.containerops.dockerpkg.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filters' exact text, from docker-pkg.md §1.3 (observed upstream output). */
class FiltersTest {
  static final String P = "http://webproxy:8080";

  @Test
  void aptInstallWithoutProxy() {
    assertEquals("apt-get update  \\\n"
        + "    && DEBIAN_FRONTEND=noninteractive \\\n"
        + "    apt-get install  --yes a b c --no-install-recommends \\\n"
        + "    && apt-get clean && rm -rf /var/lib/apt/lists/* ", AptFilters.install("a b\nc", PyNone.NONE, ""));
  }

  @Test
  void aptInstallWithProxy() {
    assertEquals("echo 'Acquire::http::Proxy \"http://webproxy:8080\";' > /etc/apt/apt.conf.d/80_proxy \\\n"
        + "    && apt-get update  \\\n"
        + "    && DEBIAN_FRONTEND=noninteractive \\\n"
        + "    apt-get install  --yes a b c --no-install-recommends \\\n"
        + "    && rm -f /etc/apt/apt.conf.d/80_proxy \\\n"
        + "    && apt-get clean && rm -rf /var/lib/apt/lists/* ", AptFilters.install("a b\nc", P, ""));
  }

  @Test
  void aptInstallWithOptions() {
    String out = AptFilters.install("a", null, "-o Dpkg::Options::=--force-confold");
    assertEquals("apt-get update -o Dpkg::Options::=--force-confold \\\n"
        + "    && DEBIAN_FRONTEND=noninteractive \\\n"
        + "    apt-get install -o Dpkg::Options::=--force-confold --yes a --no-install-recommends \\\n"
        + "    && apt-get clean && rm -rf /var/lib/apt/lists/* ", out);
  }

  @Test
  void aptInstallWantsAString() {
    assertThrows(IllegalArgumentException.class, () -> AptFilters.install(List.of("a"), null, ""));
  }

  @Test
  void aptRemoveWithoutProxyKeepsNewlines() {
    assertEquals("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get remove --yes --purge a b\nc \\\n"
        + "    && apt-get clean && rm -rf /var/lib/apt/lists/* ", AptFilters.remove("a b\nc", null));
  }

  @Test
  void aptRemoveWithProxyHasUpstreamsGluedBackslash() {
    assertEquals("echo 'Acquire::http::Proxy \"P\";' > /etc/apt/apt.conf.d/80_proxy  && \\apt-get update && "
        + "DEBIAN_FRONTEND=noninteractive apt-get remove --yes --purge a b\nc \\\n"
        + "    && rm -f /etc/apt/apt.conf.d/80_proxy \\\n"
        + "    && apt-get clean && rm -rf /var/lib/apt/lists/* ", AptFilters.remove("a b\nc", "P"));
  }

  @Test
  void addUserText() {
    assertEquals("groupadd -o -g 33 -r www-data && useradd -l -o -r -m -d /var/lib/www-data -g www-data -u 33 www-data",
        UserFilters.addUser("www-data", Map.of("www-data", 33)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserFilters.addUser("ghost", Map.of()));
    assertEquals("No mapping found for user 'ghost'", e.getMessage());
  }

  @Test
  void uidMapsOrWarnsAndReturnsTheName() {
    List<String> warnings = new ArrayList<>();
    assertEquals("65534", UserFilters.uid("nobody", Map.of("nobody", 65534), warnings::add));
    assertEquals(List.of(), warnings);
    assertEquals("somebody", UserFilters.uid("somebody", Map.of(), warnings::add));
    assertEquals(List.of("UID mapping for user somebody not found"), warnings);
  }

  @ParameterizedTest
  @CsvSource({
      "x:1.0-2, 1.0",
      "x:2.3.4-1-s2-20240101, 2.3.4",
      "x:1.63.0, 1.63.0",
      "x:2.0~rc1-1, 2.0~rc1",
      "docker-registry.wikimedia.org/x:8.462-1-20260816, 8.462",
      "x:0.0.3-20250727-s1-20260816, 0.0.3",
      "x:v20220915-3, v20220915",
      "x:18.2.7-wmf1-20260816, 18.2.7",
      "registry:5000/x:1.0-1, 1.0",
  })
  void upstreamVersionObservedValues(String label, String expected) {
    assertEquals(expected, ImageFilters.upstreamVersion(label));
  }

  @Test
  void upstreamVersionWithoutTagIsUpstreamsError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFilters.upstreamVersion("x"));
    assertEquals("upstream_version(x) -> no image name found in input", e.getMessage());
  }

  @Test
  void imageTagFindsTheFirstLabelWithThatNameAndSkipsUntagged() {
    List<String> known = List.of("reg/a", "reg/a:1.0", "reg:5000/b:2.0", "reg/a:2.0");
    assertEquals("reg/a:1.0", ImageFilters.imageTag("reg/a", known).orElseThrow());
    assertEquals("reg:5000/b:2.0", ImageFilters.imageTag("reg:5000/b", known).orElseThrow());
    assertEquals(java.util.Optional.empty(), ImageFilters.imageTag("reg/c", known));
  }
}
