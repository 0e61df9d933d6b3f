package org.containerops.dockerpkg.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.runtime.transfer.TransferException;

/**
 * {@link RegistryProbe} over the Registry HTTP API v2: {@code HEAD /v2/[ns/]name/manifests/tag}
 * with manifest Accept headers. Fixes upstream's probe (builder.py:107-124): every request has a
 * timeout (config {@code registry_timeout}), credentials are used (Basic, or a Bearer token from
 * the {@code WWW-Authenticate} challenge), and trouble is {@code UNKNOWN} instead of aborting the
 * scan. Loopback registries ({@code localhost}, {@code 127.*}, {@code [::1]}) are spoken to over
 * plain HTTP, as the engine treats them as insecure; all others over HTTPS, through
 * {@code http_proxy} when set (upstream's {@code proxies={"https": …}}). Token responses are read
 * up to {@code registry_max_manifest_bytes} (a longer one is unknown, issue 17 §4); {@code HEAD}
 * answers carry no body.
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
  private final long maxBody;

  /** @param config registry, username/password, http_proxy and registry_timeout are read */
  public HttpRegistryProbe(DockerPkgConfig config) {
    String registry = config.registry();
    boolean loopback = isLoopback(registry);
    this.base = (loopback ? "http://" : "https://") + registry;
    this.basic = config.username().flatMap(u -> config.password().map(p ->
        "Basic " + Base64.getEncoder().encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8))));
    this.timeout = config.registryTimeout();
    this.maxBody = config.registryMaxManifestBytes();
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
    if (!loopback && config.httpProxy().isPresent()) {
      URI proxy = URI.create(config.httpProxy().get());
      b.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort() < 0 ? 80 : proxy.getPort())));
    }
    this.http = b.build();
  }

  /** @return {@code http[s]://registry} */
  String base() {
    return base;
  }

  /**
   * A response read whole: status, headers, body.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body, at most the bound given
   */
  record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {}

  /**
   * Sends {@code GET base + path} with the configured credentials, and on a Bearer challenge once
   * more with a token; the whole exchange (headers and body) must end within {@code registry_timeout}.
   *
   * @param maxBytes the largest body accepted; one byte more is a {@link TransferException}
   * @param what the body's name for errors
   * @throws IOException on network trouble, a timeout or a body over the bound
   */
  Response get(String path, String repo, String accept, long maxBytes, String what)
      throws IOException, InterruptedException {
    URI uri = URI.create(base + path);
    Response r = exchange(request(uri, accept, basic), maxBytes, what);
    if (r.status() == 401) {
      Optional<String> challenge = r.headers().firstValue("WWW-Authenticate");
      if (challenge.isPresent() && challenge.get().regionMatches(true, 0, "Bearer", 0, 6)) {
        Optional<String> token = token(challenge.get(), repo);
        if (token.isPresent()) {
          r = exchange(request(uri, accept, token.map(t -> "Bearer " + t)), maxBytes, what);
        }
      }
    }
    return r;
  }

  private HttpRequest request(URI uri, String accept, Optional<String> authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", accept);
    authorization.ifPresent(a -> b.header("Authorization", a));
    return b.build();
  }

  /** One request whose headers and body must arrive within the timeout, the body within {@code maxBytes}. */
  private Response exchange(HttpRequest request, long maxBytes, String what) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(request, info -> new BoundedBody(maxBytes, what));
    try {
      HttpResponse<byte[]> r = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new HttpTimeoutException(what + ": no complete answer within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      throw new IOException(what + ": " + c, c);
    }
  }

  /** @return the manifest media types asked for */
  static String manifestAccept() {
    return ACCEPT;
  }

  /** @return the largest manifest or token body read, bytes */
  long maxBody() {
    return maxBody;
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
  Optional<String> token(String challenge, String repo) throws IOException, InterruptedException {
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
    Response r = exchange(b.build(), maxBody, "token response of " + URI.create(realm).getHost());
    if (r.status() != 200) {
      return Optional.empty();
    }
    String body = new String(r.body(), StandardCharsets.UTF_8);
    Matcher t = Pattern.compile("\"(?:token|access_token)\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    return t.find() ? Optional.of(t.group(1)) : Optional.empty();
  }
}
