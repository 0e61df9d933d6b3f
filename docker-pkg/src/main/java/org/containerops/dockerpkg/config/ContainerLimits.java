package org.containerops.dockerpkg.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the {@code container_limits} setting, {@code "key=value,key=value"} with keys among
 * memory, memswap, cpushares and cpusetcpus; values stay strings (upstream drivers.py:80-101).
 */
public final class ContainerLimits {
  /** The keys docker build accepts, in upstream's order. */
  public static final List<String> KEYS = List.of("memory", "memswap", "cpushares", "cpusetcpus");

  private ContainerLimits() {}

  /**
   * @param setting the raw setting, or null
   * @return key to value in setting order; empty for null
   * @throws IllegalArgumentException naming {@code container_limits} for a part that is not
   *     exactly one {@code key=value} or whose key is unknown (upstream raised RuntimeError at
   *     build time; we fail when the config is loaded)
   */
  public static Map<String, String> parse(String setting) {
    if (setting == null) {
      return Map.of();
    }
    Map<String, String> limits = new LinkedHashMap<>();
    for (String part : setting.split(",", -1)) {
      String[] kv = part.split("=", -1);
      if (kv.length != 2) {
        throw new IllegalArgumentException("container_limits: '" + part + "' should follow the format key=value");
      }
      if (!KEYS.contains(kv[0])) {
        throw new IllegalArgumentException("container_limits: '" + kv[0] + "' is not one of " + KEYS);
      }
      limits.put(kv[0], kv[1]);
    }
    return Collections.unmodifiableMap(limits);
  }
}
