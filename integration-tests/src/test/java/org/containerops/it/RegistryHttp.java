package org.containerops.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.runtime.testing.LocalRegistry;

/**
 * The registry's HTTP API and access log, as a client that is none of the tools sees them: to
 * check what the pipelines put there. Requests carry the registry's Basic credentials when it has
 * them; every request times out after 10 s.
 */
final class RegistryHttp {
  private static final String MANIFEST_TYPES = String.join(",",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json");
  /** Combined log format: {@code "PUT /v2/<repo>/blobs/uploads/<uuid>?digest=sha256%3A<hex> HTTP/1.1" 201}. */
  private static final Pattern BLOB_PUT = Pattern.compile(
      "\"PUT /v2/(\\S+)/blobs/uploads/\\S*[?&]digest=sha256(?::|%3A|%3a)([0-9a-f]{64})\\S* HTTP/[0-9.]+\" 201 ");
  private static final Pattern MANIFEST_PUT = Pattern.compile("\"PUT /v2/(\\S+)/manifests/(\\S+) HTTP/[0-9.]+\" 201 ");

  private final LocalRegistry registry;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  RegistryHttp(LocalRegistry registry) {
    this.registry = registry;
  }

  /** HTTP status of {@code GET path}, with or without the registry's credentials. */
  int status(String path, boolean authenticated) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(registry.uri().resolve(path)).timeout(Duration.ofSeconds(10));
    if (authenticated) {
      registry.basicAuthorization().ifPresent(a -> b.header("Authorization", a));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The tags of {@code repo} (sorted as the registry lists them); empty when the repository is unknown. */
  List<String> tags(String repo) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request("/v2/" + repo + "/tags/list").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 404) {
      return List.of();
    }
    check(r, "tags of " + repo);
    List<String> tags = new ArrayList<>();
    JsonNode node = json.readTree(r.body()).path("tags");
    node.forEach(t -> tags.add(t.asText()));
    return tags;
  }

  /** {@code Docker-Content-Digest} of {@code repo:reference}'s manifest; empty on 404. */
  Optional<String> manifestDigest(String repo, String reference) throws IOException, InterruptedException {
    HttpResponse<Void> r = http.send(request("/v2/" + repo + "/manifests/" + reference)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", MANIFEST_TYPES).build(),
        HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    check(r, "manifest " + repo + ":" + reference);
    return r.headers().firstValue("Docker-Content-Digest");
  }

  /**
   * Successful blob uploads (201) to repositories under {@code prefix}, as {@code repo@sha256:<hex>},
   * one entry per upload, in log order (the same blob in two repositories is two entries).
   */
  List<String> blobUploads(String prefix) {
    List<String> out = new ArrayList<>();
    Matcher m = BLOB_PUT.matcher(registry.log());
    while (m.find()) {
      if (m.group(1).startsWith(prefix)) {
        out.add(m.group(1) + "@sha256:" + m.group(2));
      }
    }
    return out;
  }

  /** {@code repo:reference} of successful manifest PUTs (201) under {@code prefix}, in log order. */
  List<String> manifestUploads(String prefix) {
    List<String> out = new ArrayList<>();
    Matcher m = MANIFEST_PUT.matcher(registry.log());
    while (m.find()) {
      if (m.group(1).startsWith(prefix)) {
        out.add(m.group(1) + ":" + m.group(2));
      }
    }
    return out;
  }

  /** The access-log lines of requests to repositories under {@code prefix} (for failure messages). */
  String accessLog(String prefix) {
    return String.join("\n", registry.log().lines().filter(l -> l.contains(" /v2/" + prefix)).toList());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(registry.uri() + path)).timeout(Duration.ofSeconds(10));
    registry.basicAuthorization().ifPresent(a -> b.header("Authorization", a));
    return b;
  }

  private static void check(HttpResponse<?> r, String what) {
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError("registry answered HTTP " + r.statusCode() + " for " + what);
    }
  }
}
