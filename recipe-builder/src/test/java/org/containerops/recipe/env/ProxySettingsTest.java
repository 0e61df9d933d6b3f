package org.containerops.recipe.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
  private static final String PROXY = "http://alice:s3cret-pw@proxy.example:3128";

  @Test
  void anyProxyIsAcceptedWhereUpstreamCrashed() { // B1: upstream iterates dict keys and crashes
    ProxySettings p = ProxySettings.from(Map.of("https_proxy", PROXY, "no_proxy", "localhost,.internal"));

    assertEquals(Map.of("https_proxy", PROXY, "no_proxy", "localhost,.internal"), p.values());
    assertEquals(Map.of("https_proxy", PROXY, "HTTPS_PROXY", PROXY, "no_proxy", "localhost,.internal",
        "NO_PROXY", "localhost,.internal"), p.bothSpellings());
  }

  @Test
  void equalUpperAndLowerCaseAreOneSetting() { // B2: upstream raised "have different values"
    assertEquals(Map.of("http_proxy", PROXY), ProxySettings.from(Map.of("http_proxy", PROXY, "HTTP_PROXY", PROXY)).values());
  }

  @Test
  void differentValuesFailWithPasswordsMasked() {
    RecipeBuilderException e = assertThrows(RecipeBuilderException.class,
        () -> ProxySettings.from(Map.of("http_proxy", PROXY, "HTTP_PROXY", "http://other:3128")));

    assertEquals(Reason.PROXY_CONFLICT, e.reason());
    assertTrue(e.getMessage().contains("http://alice:****@proxy.example:3128"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void environmentKeepsUpstreamWhitelistProxiesAndExtrasButNotPath() {
    Map<String, String> host = Map.of("PATH", "/usr/bin", "LANG", "C.UTF-8", "LC_ALL", "C", "HOME", "/root",
        "GITHUB_TOKEN", "ghp_x", "MY_FLAG", "1", "MY_OTHER", "2", "HTTP_PROXY", PROXY);

    Map<String, String> env = BuildEnvironment.filter(host, ProxySettings.from(host), List.of("MY_*"));

    assertEquals(Map.of("LANG", "C.UTF-8", "LC_ALL", "C", "MY_FLAG", "1", "MY_OTHER", "2", "http_proxy", PROXY,
        "HTTP_PROXY", PROXY), env);
  }
}
