package org.containerops.mirror.registry;

import java.util.Locale;

/**
 * Where to mirror to: {@code [http://|https://]host[:port][/namespace...]}.
 *
 * <p>Upstream strips a trailing {@code /}, turns on plain HTTP for {@code http://} (globally) and strips
 * the scheme ({@code mirror.py:63-79}). Here plain HTTP is per address: {@code http://}, or no scheme
 * and a loopback host (like Docker's 127.0.0.0/8 rule).
 *
 * @param host {@code host[:port]}
 * @param namespace path inside the registry, no leading/trailing {@code /}, may be empty
 * @param plainHttp true to speak HTTP instead of HTTPS
 */
public record RegistryAddress(String host, String namespace, boolean plainHttp) {
  /** Upstream's default. */
  public static final String DEFAULT = "ghcr.io/channel-mirrors";

  /**
   * Parses a {@code --registry} value.
   *
   * @throws IllegalArgumentException when empty or the host part is empty
   */
  public static RegistryAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("registry: want host[:port][/namespace], got an empty value");
    }
    String s = text.strip();
    Boolean plain = null;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://")) {
      plain = true;
      s = s.substring(7);
    } else if (lower.startsWith("https://")) {
      plain = false;
      s = s.substring(8);
    } else if (lower.startsWith("oci://")) {
      s = s.substring(6);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    int slash = s.indexOf('/');
    String host = slash < 0 ? s : s.substring(0, slash);
    String ns = slash < 0 ? "" : s.substring(slash + 1);
    if (host.isEmpty() || host.contains("@")) {
      throw new IllegalArgumentException("registry: want host[:port][/namespace], got " + text);
    }
    RegistryAddress probe = new RegistryAddress(host, ns, false);
    return new RegistryAddress(host, ns, plain != null ? plain : probe.isLoopback());
  }

  /** True for {@code localhost}, {@code 127.*} and {@code [::1]}. */
  public boolean isLoopback() {
    String h = hostName();
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }

  /** The host without the port. */
  public String hostName() {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 ? host.substring(0, end + 1) : host;
    }
    int colon = host.lastIndexOf(':');
    return (colon > 0 ? host.substring(0, colon) : host).toLowerCase(Locale.ROOT);
  }

  /** {@code namespace/path} or just {@code path} when there is no namespace. */
  public String repository(String path) {
    return namespace.isEmpty() ? path : namespace + "/" + path;
  }

  @Override
  public String toString() {
    return (plainHttp ? "http://" : "") + host + (namespace.isEmpty() ? "" : "/" + namespace);
  }
}
