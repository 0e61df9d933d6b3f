package org.containerops.tagging.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;

/**
 * A small OCI distribution (Registry v2) client for what merging needs: resolve a tag to its manifest,
 * read a config blob, put a manifest list. Plain HTTP for loopback registries ({@code 127.0.0.1},
 * {@code localhost}, {@code [::1]}) or when asked, HTTPS otherwise. Credentials: {@code auths} of
 * {@code ~/.docker/config.json} (or {@code $DOCKER_CONFIG}), sent as Basic, exchanged for a Bearer token
 * when the registry challenges. Thread-safe.
 */
public final class RegistryClient {
  /** Accept header for every manifest type merging handles. */
  public static final String MANIFEST_ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_LIST,
      MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final boolean plainHttp;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  /** @param plainHttp use HTTP for every registry, not only loopback ones */
  public RegistryClient(boolean plainHttp) {
    this.plainHttp = plainHttp;
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
   * @throws TaggingException {@code REGISTRY} for any other failure
   */
  public Optional<Fetched> manifest(ImageReference ref) {
    HttpResponse<byte[]> r = send(ref, "GET", "/manifests/" + ref.tag(), MANIFEST_ACCEPT, null, null);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    check(r, ref, "GET manifest");
    String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    String digest = r.headers().firstValue("Docker-Content-Digest").orElseGet(() -> MediaTypes.sha256(r.body()));
    return Optional.of(new Fetched(r.body(), type, digest));
  }

  /** Reads blob {@code digest} of {@code ref}'s repository (a config). */
  public byte[] blob(ImageReference ref, String digest) {
    HttpResponse<byte[]> r = send(ref, "GET", "/blobs/" + digest, "*/*", null, null);
    check(r, ref, "GET blob " + digest);
    return r.body();
  }

  /**
   * Puts {@code body} as manifest {@code ref} with {@code mediaType}.
   *
   * @return the digest the registry reports
   */
  public String putManifest(ImageReference ref, String mediaType, byte[] body) {
    HttpResponse<byte[]> r = send(ref, "PUT", "/manifests/" + ref.tag(), null, mediaType, body);
    check(r, ref, "PUT manifest");
    return r.headers().firstValue("Docker-Content-Digest").orElseGet(() -> MediaTypes.sha256(body));
  }

  private HttpResponse<byte[]> send(ImageReference ref, String method, String path, String accept, String type,
      byte[] body) {
    URI uri = URI.create(scheme(ref) + "://" + ref.apiHost() + "/v2/" + ref.repository() + path);
    try {
      HttpResponse<byte[]> r = http.send(request(uri, method, accept, type, body, auth(ref)),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() == 401) {
        Optional<String> challenge = r.headers().firstValue("WWW-Authenticate");
        if (challenge.isPresent() && challenge.get().startsWith("Bearer ")) {
          tokens.put(ref.apiHost(), "Bearer " + token(challenge.get(), ref));
          r = http.send(request(uri, method, accept, type, body, auth(ref)), HttpResponse.BodyHandlers.ofByteArray());
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
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new TaggingException(Reason.REGISTRY, "token from " + p.get("realm") + ": HTTP " + r.statusCode(), null);
    }
    JsonNode t = JSON.readTree(r.body());
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

  private static void check(HttpResponse<byte[]> r, ImageReference ref, String what) {
    if (r.statusCode() / 100 != 2) {
      String body = new String(r.body(), StandardCharsets.UTF_8);
      throw new TaggingException(Reason.REGISTRY, what + " " + ref + ": HTTP " + r.statusCode() + " "
          + (body.length() > 300 ? body.substring(0, 300) : body).strip(), null);
    }
  }
}
