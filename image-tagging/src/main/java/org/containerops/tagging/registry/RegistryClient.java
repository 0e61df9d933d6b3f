package org.containerops.tagging.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.runtime.transfer.LimitedInputStream;
import org.containerops.runtime.transfer.TransferException;
import org.containerops.runtime.transfer.VerifiedInputStream;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;

/**
 * A small OCI distribution (Registry v2) client for what merging needs: resolve a tag to its manifest,
 * read a config blob, put a manifest list. Plain HTTP for loopback registries ({@code 127.0.0.1},
 * {@code localhost}, {@code [::1]}) or when asked, HTTPS otherwise. Credentials: {@code auths} of
 * {@code ~/.docker/config.json} (or {@code $DOCKER_CONFIG}), sent as Basic, exchanged for a Bearer token
 * when the registry challenges. Thread-safe.
 *
 * <p>Nothing a registry sends is taken in unbounded (issue 17 §4): a manifest is read up to
 * {@code maxManifestBytes} (default {@value #DEFAULT_MAX_MANIFEST_BYTES} bytes) and must match the
 * {@code Docker-Content-Digest} the registry reports (or the digest asked for); a blob is read through the
 * runtime's {@link VerifiedInputStream}, which stops at the descriptor's size (a longer body is an error at
 * its first extra byte) and checks the digest while streaming; error and token bodies are bounded too.
 */
public final class RegistryClient {
  /** Accept header for every manifest type merging handles. */
  public static final String MANIFEST_ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_LIST,
      MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Default upper bound of a manifest (or index) body: 4 MiB, as the distribution registry's own limit. */
  public static final long DEFAULT_MAX_MANIFEST_BYTES = 4L * 1024 * 1024;
  /** Bound of an error or token body. */
  static final long MAX_SMALL_BODY = 64 * 1024;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final boolean plainHttp;
  private final long maxManifestBytes;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  /** @param plainHttp use HTTP for every registry, not only loopback ones */
  public RegistryClient(boolean plainHttp) {
    this(plainHttp, DEFAULT_MAX_MANIFEST_BYTES);
  }

  /**
   * @param plainHttp use HTTP for every registry, not only loopback ones
   * @param maxManifestBytes the most bytes a manifest, index or config blob may have, &gt; 0
   * @throws IllegalArgumentException for a bound &lt;= 0
   */
  public RegistryClient(boolean plainHttp, long maxManifestBytes) {
    if (maxManifestBytes <= 0) {
      throw new IllegalArgumentException("maxManifestBytes: want > 0, got " + maxManifestBytes);
    }
    this.plainHttp = plainHttp;
    this.maxManifestBytes = maxManifestBytes;
  }

  /** A fetched manifest: its bytes, media type and digest. */
  public record Fetched(byte[] body, String mediaType, String digest) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new TaggingException(Reason.REGISTRY, "manifest " + digest + " is not JSON", e);
      }
    }
  }

  /**
   * Fetches the manifest (or index) {@code ref} points at.
   *
   * @return empty when the registry answers 404 (upstream's {@code ManifestNotFoundError})
   * @throws TaggingException {@code REGISTRY} for any other failure, a body over the manifest bound, or a
   *     body whose sha256 is not the {@code Docker-Content-Digest} reported (or the digest asked for)
   */
  public Optional<Fetched> manifest(ImageReference ref) {
    HttpResponse<InputStream> r = send(ref, "GET", "/manifests/" + ref.tag(), MANIFEST_ACCEPT, null, null);
    if (r.statusCode() == 404) {
      discard(r);
      return Optional.empty();
    }
    check(r, ref, "GET manifest");
    String what = "manifest of " + ref;
    byte[] body = read(r, in -> new LimitedInputStream(in, maxManifestBytes, what), what);
    String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    String actual = MediaTypes.sha256(body);
    Optional<String> declared = r.headers().firstValue("Docker-Content-Digest")
        .or(() -> ref.tag().startsWith("sha256:") ? Optional.of(ref.tag()) : Optional.empty());
    if (declared.isPresent() && declared.get().startsWith("sha256:") && !declared.get().equals(actual)) {
      throw new TaggingException(Reason.REGISTRY, what + ": body has digest " + actual + ", registry declared "
          + declared.get(), null);
    }
    return Optional.of(new Fetched(body, type, declared.orElse(actual)));
  }

  /**
   * Reads blob {@code digest} of {@code ref}'s repository (a config), exactly {@code size} bytes as its
   * descriptor declares, digest verified while streaming.
   *
   * @throws TaggingException {@code REGISTRY} when the size is over the manifest bound (configs are small)
   *     or negative, when the body is longer or shorter than {@code size}, or has another digest
   */
  public byte[] blob(ImageReference ref, String digest, long size) {
    String what = "blob " + digest + " of " + ref.registry() + "/" + ref.repository();
    if (size < 0 || size > maxManifestBytes) {
      throw new TaggingException(Reason.REGISTRY, what + ": declared size " + size + " is not within 0.."
          + maxManifestBytes + " bytes", null);
    }
    HttpResponse<InputStream> r = send(ref, "GET", "/blobs/" + digest, "*/*", null, null);
    check(r, ref, "GET blob " + digest);
    try {
      return read(r, in -> new VerifiedInputStream(in, size, digest, what), what);
    } catch (IllegalArgumentException e) { // digest of an unknown shape
      throw new TaggingException(Reason.REGISTRY, what + ": " + e.getMessage(), e);
    }
  }

  private static byte[] read(HttpResponse<InputStream> r, java.util.function.UnaryOperator<InputStream> bound,
      String what) {
    try (InputStream in = bound.apply(r.body())) {
      return in.readAllBytes();
    } catch (IOException e) { // TransferException: over the bound, short, wrong digest; or the connection
      throw new TaggingException(Reason.REGISTRY, e instanceof TransferException ? e.getMessage()
          : what + ": " + e, e);
    }
  }

  private static void discard(HttpResponse<InputStream> r) {
    try {
      r.body().close();
    } catch (IOException ignored) {
      // the connection is dropped either way
    }
  }

  /**
   * Puts {@code body} as manifest {@code ref} with {@code mediaType}.
   *
   * @return the digest the registry reports
   */
  public String putManifest(ImageReference ref, String mediaType, byte[] body) {
    HttpResponse<InputStream> r = send(ref, "PUT", "/manifests/" + ref.tag(), null, mediaType, body);
    check(r, ref, "PUT manifest");
    discard(r);
    return r.headers().firstValue("Docker-Content-Digest").orElseGet(() -> MediaTypes.sha256(body));
  }

  private HttpResponse<InputStream> send(ImageReference ref, String method, String path, String accept,
      String type, byte[] body) {
    URI uri = URI.create(scheme(ref) + "://" + ref.apiHost() + "/v2/" + ref.repository() + path);
    try {
      HttpResponse<InputStream> r = http.send(request(uri, method, accept, type, body, auth(ref)),
          HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() == 401) {
        Optional<String> challenge = r.headers().firstValue("WWW-Authenticate");
        if (challenge.isPresent() && challenge.get().startsWith("Bearer ")) {
          discard(r);
          tokens.put(ref.apiHost(), "Bearer " + token(challenge.get(), ref));
          r = http.send(request(uri, method, accept, type, body, auth(ref)), HttpResponse.BodyHandlers.ofInputStream());
        }
      }
      return r;
    } catch (IOException e) {
      throw new TaggingException(Reason.REGISTRY, method + " " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaggingException(Reason.REGISTRY, method + " " + uri + ": interrupted", e);
    }
  }

  private static HttpRequest request(URI uri, String method, String accept, String type, byte[] body,
      Optional<String> auth) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    auth.ifPresent(a -> b.header("Authorization", a));
    return b.build();
  }

  private String token(String challenge, ImageReference ref) throws IOException, InterruptedException {
    Map<String, String> p = new java.util.HashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge);
    while (m.find()) {
      p.put(m.group(1), m.group(2));
    }
    String scope = p.getOrDefault("scope", "repository:" + ref.repository() + ":pull,push");
    URI uri = URI.create(p.get("realm") + "?service=" + URLEncoder.encode(p.getOrDefault("service", ""),
        StandardCharsets.UTF_8) + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).GET();
    basic(ref.registry()).ifPresent(a -> b.header("Authorization", a));
    HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      discard(r);
      throw new TaggingException(Reason.REGISTRY, "token from " + p.get("realm") + ": HTTP " + r.statusCode(), null);
    }
    JsonNode t = JSON.readTree(read(r, in -> new LimitedInputStream(in, MAX_SMALL_BODY, "token from "
        + p.get("realm")), "token from " + p.get("realm")));
    return t.hasNonNull("token") ? t.get("token").asText() : t.path("access_token").asText();
  }

  private Optional<String> auth(ImageReference ref) {
    String token = tokens.get(ref.apiHost());
    return token != null ? Optional.of(token) : basic(ref.registry());
  }

  private static Optional<String> basic(String registry) {
    String dir = Optional.ofNullable(System.getenv("DOCKER_CONFIG"))
        .orElse(System.getProperty("user.home") + "/.docker");
    Path config = Path.of(dir, "config.json");
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    try {
      JsonNode auths = JSON.readTree(config.toFile()).path("auths");
      for (String key : new String[] {registry, "https://" + registry, "https://index.docker.io/v1/"}) {
        JsonNode a = auths.path(key).path("auth");
        if (a.isTextual() && !a.asText().isEmpty() && (key.contains(registry) || registry.equals("docker.io"))) {
          Base64.getDecoder().decode(a.asText()); // validate
          return Optional.of("Basic " + a.asText());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private String scheme(ImageReference ref) {
    String host = ref.apiHost();
    boolean loopback = host.startsWith("127.") || host.startsWith("localhost") || host.startsWith("[::1]");
    return plainHttp || loopback ? "http" : "https";
  }

  private static void check(HttpResponse<InputStream> r, ImageReference ref, String what) {
    if (r.statusCode() / 100 != 2) {
      String body;
      try (InputStream in = r.body()) {
        body = new String(in.readNBytes((int) MAX_SMALL_BODY), StandardCharsets.UTF_8); // the rest is dropped
      } catch (IOException e) {
        body = "";
      }
      throw new TaggingException(Reason.REGISTRY, what + " " + ref + ": HTTP " + r.statusCode() + " "
          + (body.length() > 300 ? body.substring(0, 300) : body).strip(), null);
    }
  }
}
