package org.containerops.feedstock.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings from {@code CF_FEEDSTOCK_OPS_*} environment variables, as upstream's pydantic
 * {@code FeedstockOpsSettings} ({@code conda_forge_feedstock_ops/settings.py:35-88}): names are
 * case-insensitive, booleans parse as pydantic does ({@code tRue} works), and the settings are
 * meant to be read again for every operation (never cached). Immutable.
 *
 * @param containerName {@code CF_FEEDSTOCK_OPS_CONTAINER_NAME}, default {@value #DEFAULT_CONTAINER_NAME}
 * @param containerTag {@code CF_FEEDSTOCK_OPS_CONTAINER_TAG}, default the library's version
 * @param verbosity {@code CF_FEEDSTOCK_OPS_VERBOSITY}, solver verbosity 0..3, default 1
 * @param inContainer {@code CF_FEEDSTOCK_OPS_IN_CONTAINER}, default false
 * @param containerProxyMode {@code CF_FEEDSTOCK_OPS_CONTAINER_PROXY_MODE}, default false
 * @param proxyInContainer {@code CF_FEEDSTOCK_OPS_PROXY_IN_CONTAINER}, an http(s) URL without a
 *     trailing {@code /}; default {@code http://172.17.0.1:8080} on Linux, else
 *     {@code http://host.docker.internal:8080}
 * @param containerNetwork ours, not upstream's: {@code CF_FEEDSTOCK_OPS_CONTAINER_NETWORK}, the network
 *     for operations that need outbound access (rerender, check-solvable); default
 *     {@value #DEFAULT_NETWORK}, Docker's default bridge, which is what upstream's {@code docker run} gets
 */
public record FeedstockOpsSettings(String containerName, String containerTag, int verbosity, boolean inContainer,
    boolean containerProxyMode, String proxyInContainer, String containerNetwork) {
  /** Environment variable prefix. */
  public static final String PREFIX = "CF_FEEDSTOCK_OPS_";
  /** Upstream's image name. */
  public static final String DEFAULT_CONTAINER_NAME = "condaforge/conda-forge-feedstock-ops";
  /** Docker's default network, which upstream's {@code docker run} uses. */
  public static final String DEFAULT_NETWORK = "bridge";
  /** Upstream's validation message ({@code settings.py:79-88}). */
  public static final String PROXY_WITHOUT_MODE =
      "The `proxy_in_container` setting requires `container_proxy_mode` to be enabled.";

  /** Validates. */
  public FeedstockOpsSettings {
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(containerTag, "containerTag");
    Objects.requireNonNull(proxyInContainer, "proxyInContainer");
    Objects.requireNonNull(containerNetwork, "containerNetwork");
  }

  /** {@code name:tag}, upstream's {@code container_full_name}. */
  public String containerFullName() {
    return containerName + ":" + containerTag;
  }

  /** The settings from this process's environment, read now. */
  public static FeedstockOpsSettings fromEnvironment() {
    return fromEnv(System.getenv(), System.getProperty("os.name"), LibraryVersion.get());
  }

  /**
   * Reads settings from an environment map (tests inject one).
   *
   * @param env the environment; names matched case-insensitively
   * @param osName {@code os.name}, which picks the proxy default
   * @param version the default container tag
   * @throws IllegalArgumentException naming the variable when a value does not parse, or with
   *     upstream's message when the proxy URL is set without proxy mode
   */
  public static FeedstockOpsSettings fromEnv(Map<String, String> env, String osName, String version) {
    String name = get(env, "CONTAINER_NAME").orElse(DEFAULT_CONTAINER_NAME);
    String tag = get(env, "CONTAINER_TAG").orElse(version);
    int verbosity = get(env, "VERBOSITY").map(v -> parseInt("VERBOSITY", v)).orElse(1);
    boolean in = get(env, "IN_CONTAINER").map(v -> parseBool("IN_CONTAINER", v)).orElse(false);
    boolean proxyMode = get(env, "CONTAINER_PROXY_MODE").map(v -> parseBool("CONTAINER_PROXY_MODE", v)).orElse(false);
    Optional<String> proxy = get(env, "PROXY_IN_CONTAINER");
    if (proxy.isPresent() && !proxyMode) {
      throw new IllegalArgumentException(PROXY_WITHOUT_MODE);
    }
    String proxyUrl = proxy.map(FeedstockOpsSettings::httpUrl).orElse(defaultProxy(osName));
    String network = get(env, "CONTAINER_NETWORK").orElse(DEFAULT_NETWORK);
    return new FeedstockOpsSettings(name, tag, verbosity, in, proxyMode, proxyUrl, network);
  }

  /** {@code settings.py:13-20}: the Docker host as seen from a container. */
  static String defaultProxy(String osName) {
    return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux")
        ? "http://172.17.0.1:8080" : "http://host.docker.internal:8080";
  }

  private static Optional<String> get(Map<String, String> env, String key) {
    String wanted = PREFIX + key;
    String found = null;
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().equalsIgnoreCase(wanted)) {
        found = e.getValue();
        if (e.getKey().equals(wanted)) {
          break;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** pydantic's bool parsing: 1/0, on/off, t/f, true/false, y/n, yes/no, any case. */
  static boolean parseBool(String key, String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "1": case "on": case "t": case "true": case "y": case "yes":
        return true;
      case "0": case "off": case "f": case "false": case "n": case "no":
        return false;
      default:
        throw new IllegalArgumentException(PREFIX + key + ": want a boolean (true/false, 1/0, yes/no, on/off), got '"
            + value + "'");
    }
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PREFIX + key + ": want an integer, got '" + value + "'", e);
    }
  }

  /** An http(s) URL with a host; the trailing {@code /} stripped as upstream's {@code HttpProxyUrl}. */
  static String httpUrl(String value) {
    try {
      URI u = new URI(value.strip());
      if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
          || u.getHost() == null) {
        throw new IllegalArgumentException(PREFIX + "PROXY_IN_CONTAINER: want an http(s) URL, got '" + value + "'");
      }
      String s = u.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(PREFIX + "PROXY_IN_CONTAINER: want an http(s) URL, got '" + value + "'", e);
    }
  }

  /**
   * Upstream's {@code should_use_container} ({@code container_utils.py:244-267}): running inside a
   * container always means local; otherwise {@code useContainer}, defaulting to true.
   *
   * @param useContainer the caller's wish, or null for the default
   */
  public boolean shouldUseContainer(Boolean useContainer) {
    boolean use = useContainer == null ? !inContainer : useContainer;
    return use && !inContainer;
  }
}
