package org.containerops.feedstock.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Ports upstream tests/test_settings.py and tests/test_container_utils.py. */
class FeedstockOpsSettingsTest {

  private static FeedstockOpsSettings read(Map<String, String> env) {
    return FeedstockOpsSettings.fromEnv(env, "Linux", "1.2.3");
  }

  @Test
  void exampleParsing() {
    FeedstockOpsSettings s = read(Map.of(
        "CF_FEEDSTOCK_OPS_CONTAINER_NAME", "test-container",
        "CF_FEEDSTOCK_OPS_CONTAINER_TAG", "test-tag",
        "CF_FEEDSTOCK_OPS_IN_CONTAINER", "true",
        "CF_FEEDSTOCK_OPS_CONTAINER_PROXY_MODE", "true",
        "CF_FEEDSTOCK_OPS_PROXY_IN_CONTAINER", "http://proxy:8000/"));
    assertEquals("test-container", s.containerName());
    assertEquals("test-tag", s.containerTag());
    assertTrue(s.inContainer());
    assertTrue(s.containerProxyMode());
    assertEquals("http://proxy:8000", s.proxyInContainer());
    assertEquals("test-container:test-tag", s.containerFullName());
  }

  @ParameterizedTest
  @CsvSource({"Linux, http://172.17.0.1:8080", "Mac OS X, http://host.docker.internal:8080",
      "Windows 10, http://host.docker.internal:8080"})
  void defaultValues(String os, String proxy) {
    FeedstockOpsSettings s = FeedstockOpsSettings.fromEnv(Map.of(), os, "1.2.3");
    assertEquals("condaforge/conda-forge-feedstock-ops", s.containerName());
    assertEquals("1.2.3", s.containerTag());
    assertFalse(s.inContainer());
    assertFalse(s.containerProxyMode());
    assertEquals(1, s.verbosity());
    assertEquals(proxy, s.proxyInContainer());
    assertEquals("condaforge/conda-forge-feedstock-ops:1.2.3", s.containerFullName());
    assertEquals("bridge", s.containerNetwork());
  }

  @Test
  void proxyWithoutProxyModeFailsWithUpstreamsMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(Map.of("CF_FEEDSTOCK_OPS_PROXY_IN_CONTAINER", "http://proxy:8000")));
    assertTrue(e.getMessage().contains("requires `container_proxy_mode` to be enabled"), e.getMessage());
  }

  @Test
  void namesAreCaseInsensitiveAndBadValuesNameTheVariable() {
    assertEquals("x", read(Map.of("cf_feedstock_ops_container_name", "x")).containerName());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(Map.of("CF_FEEDSTOCK_OPS_IN_CONTAINER", "maybe")));
    assertTrue(e.getMessage().contains("CF_FEEDSTOCK_OPS_IN_CONTAINER"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> read(Map.of("CF_FEEDSTOCK_OPS_VERBOSITY", "lots")));
    assertThrows(IllegalArgumentException.class, () -> read(Map.of("CF_FEEDSTOCK_OPS_CONTAINER_PROXY_MODE", "1",
        "CF_FEEDSTOCK_OPS_PROXY_IN_CONTAINER", "ftp://proxy")));
  }

  /** The 7 cases of upstream tests/test_container_utils.py:5-25, verbatim. */
  @Test
  void shouldUseContainerTruthTable() {
    assertFalse(withInContainer("tRue").shouldUseContainer(null));
    assertTrue(withInContainer("false").shouldUseContainer(null));
    assertTrue(withInContainer(null).shouldUseContainer(null));
    assertFalse(withInContainer("true").shouldUseContainer(true));
    assertTrue(withInContainer("false").shouldUseContainer(true));
    assertFalse(withInContainer("true").shouldUseContainer(false));
    assertFalse(withInContainer("false").shouldUseContainer(false));
  }

  private static FeedstockOpsSettings withInContainer(String value) {
    Map<String, String> env = new HashMap<>();
    if (value != null) {
      env.put("CF_FEEDSTOCK_OPS_IN_CONTAINER", value);
    }
    return read(env);
  }
}
