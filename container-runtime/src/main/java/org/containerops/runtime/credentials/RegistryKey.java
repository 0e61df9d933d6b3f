package org.containerops.runtime.credentials;

import java.util.Locale;
import java.util.Set;

/**
 * Registry names as docker keys them in {@code config.json} and passes them to credential helpers (docker
 * CLI {@code cli/config/credentials/file_store.go} {@code ConvertToHostname}, {@code registry/config.go}
 * {@code IndexServer}): the scheme and any path are stripped ({@code https://r.example:5000/v2/} is
 * {@code r.example:5000}), the host is compared in lower case, and Docker Hub's
 * aliases ({@code docker.io}, {@code index.docker.io}, {@code registry-1.docker.io},
 * {@code https://index.docker.io/v1/}) are all {@value #DOCKER_HUB}.
 */
public final class RegistryKey {
  /** The key docker uses for Docker Hub, in {@code auths} and towards helpers. */
  public static final String DOCKER_HUB = "https://index.docker.io/v1/";

  private static final Set<String> HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

  private RegistryKey() {}

  /**
   * The key for {@code registry}: {@value #DOCKER_HUB} for Docker Hub, else {@code host[:port]} in lower case.
   *
   * @param registry a host, {@code host:port}, or a URL with scheme and path
   * @throws IllegalArgumentException when it is blank
   */
  public static String normalize(String registry) {
    if (registry == null || registry.isBlank()) {
      throw new IllegalArgumentException("registry: give a host, host:port or URL");
    }
    String host = hostname(registry.strip());
    return HUB_HOSTS.contains(host) ? DOCKER_HUB : host;
  }

  /** Docker's {@code ConvertToHostname}: without {@code http://} / {@code https://} and the path, lower case. */
  static String hostname(String key) {
    String s = key;
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    return s.toLowerCase(Locale.ROOT);
  }
}
