package org.containerops.recipe.env;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment variables passed into a build container: upstream's {@code allowed_env_var}
 * whitelist in docker mode ({@code bioconda_utils/utils.py:368-415}: {@code LC_*}, {@code LANG},
 * {@code MACOSX_DEPLOYMENT_TARGET}, the proxies; {@code PATH} removed), the proxies in both spellings
 * (including {@code no_proxy}), plus caller-given names or {@code PREFIX*} globs. Sorted, immutable.
 */
public final class BuildEnvironment {
  private static final List<String> UPSTREAM_WHITELIST = List.of("LC_*", "LANG", "MACOSX_DEPLOYMENT_TARGET");

  private BuildEnvironment() {}

  /**
   * @param host the host environment
   * @param proxies the proxies read from it
   * @param extra further names or {@code PREFIX*} globs
   * @return name to value, sorted
   */
  public static Map<String, String> filter(Map<String, String> host, ProxySettings proxies, List<String> extra) {
    Map<String, String> out = new TreeMap<>();
    host.forEach((k, v) -> {
      if (!"PATH".equals(k) && (allowed(k, UPSTREAM_WHITELIST) || allowed(k, extra))) {
        out.put(k, v);
      }
    });
    out.putAll(proxies.bothSpellings());
    return Collections.unmodifiableMap(out);
  }

  private static boolean allowed(String name, List<String> patterns) {
    for (String p : patterns) {
      if (p.endsWith("*") ? name.startsWith(p.substring(0, p.length() - 1)) : name.equals(p)) {
        return true;
      }
    }
    return false;
  }
}
