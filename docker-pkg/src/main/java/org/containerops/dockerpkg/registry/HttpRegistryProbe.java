package org.containerops.dockerpkg.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageLabel;

/**
 * {@link RegistryProbe} over the Registry HTTP API v2: {@code HEAD /v2/[ns/]name/manifests/tag}
 * with manifest Accept headers. Fixes upstream's probe (builder.py:107-124): every request has a
 * timeout (config {@code registry_timeout}), credentials are used (Basic, or a Bearer token from
 * the {@code WWW-Authenticate} challenge), and trouble is {@code UNKNOWN} instead of aborting the
 * scan. Loopback registries ({@code localhost}, {@code 127.*}, {@code [::1]}) are spoken to over
 * plain HTTP, as the engine treats them as insecure; all others over HTTPS, through
 * {@code http_proxy} when set (upstream's {@code proxies={"https": …}}).
 */
public final class HttpRegistryProbe implements RegistryProbe {
  private static final String ACCEPT = String.join(", ",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.oci.image.index.v1+json");
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final String base;
  private final Optional<String> basic;
  private final Duration timeout;
  private final HttpClient http;

  /** @param config registry, username/password, http_proxy and registry_timeout are read */
  public HttpRegistryProbe(DockerPkgConfig config) {
    String registry = config.registry();
    boolean loopback = isLoopback(registry);
    this.base = (loopback ? "http://" : "https://") + registry;
    this.basic = config.username().flatMap(u -> config.password().map(p ->
        "Basic " + Base64.getEncoder().encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8))));
    this.timeout = config.registryTimeout();
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
    if (!loopback && config.httpProxy().isPresent()) {
      URI proxy = URI.create(config.httpProxy().get());
      b.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort() < 0 ? 80 : proxy.getPort())));
    }
    this.http = b.build();
  }

  /** @return whether {@code registry} ({@code host[:port]}) is a loopback address */
  static boolean isLoopback(String registry) {
    String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1)
        : registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  @Override
  public Presence probe(ImageLabel label) {
    if (label.registry().isEmpty()) {
      return Presence.absent();
    }
    String repo = label.namespace().isEmpty() ? label.shortName() : label.namespace() + "/" + label.shortName();
    URI uri = URI.create(base + "/v2/" + repo + "/manifests/" + label.tag());
    try {
      HttpResponse<Void> r = head(uri, basic);
      if (r.statusCode() == 401) {
        Optional<String> challenge = r.headers().firstValue("WWW-Authenticate");
        if (challenge.isPresent() && challenge.get().regionMatches(true, 0, "Bearer", 0, 6)) {
          Optional<String> token = token(challenge.get(), repo);
          if (token.isEmpty()) {
            return Presence.unknown("the registry refused a token for " + repo);
          }
          r = head(uri, token.map(t -> "Bearer " + t));
        }
      }
      return switch (r.statusCode()) {
        case 200 -> Presence.present();
        case 404 -> Presence.absent();
        case 401, 403 -> Presence.unknown(base + " refused access to " + repo + " (HTTP " + r.statusCode()
            + (basic.isEmpty() ? ", no credentials configured)" : ")"));
        default -> Presence.unknown(base + " answered HTTP " + r.statusCode() + " for " + label.full());
      };
    } catch (IOException e) {
      return Presence.unknown(base + " unreachable: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Presence.unknown("interrupted");
    }
  }

  private HttpResponse<Void> head(URI uri, Optional<String> authorization) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", ACCEPT);
    authorization.ifPresent(a -> b.header("Authorization", a));
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding());
  }

  /** Exchanges the credentials (or nothing) for a pull token at the challenge's realm. */
  private Optional<String> token(String challenge, String repo) throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    String realm = params.get("realm");
    if (realm == null) {
      return Optional.empty();
    }
    String query = "?scope=" + URLEncoder.encode("repository:" + repo + ":pull", StandardCharsets.UTF_8)
        + (params.containsKey("service") ? "&service=" + URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8) : "");
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(realm + query)).timeout(timeout).GET();
    basic.ifPresent(a -> b.header("Authorization", a));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      return Optional.empty();
    }
    Matcher t = Pattern.compile("\"(?:token|access_token)\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    return t.find() ? Optional.of(t.group(1)) : Optional.empty();
  }
}
