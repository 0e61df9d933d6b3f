package org.containerops.mirror.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.containerops.runtime.testing.LocalRegistry;

/** Reads a registry over the plain distribution HTTP API, independently of the code under test. */
final class RegistryHttp {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final LocalRegistry registry;
  private final HttpClient http = HttpClient.newHttpClient();

  RegistryHttp(LocalRegistry registry) {
    this.registry = registry;
  }

  HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(registry.uri() + path));
    if (accept != null) {
      b.header("Accept", accept);
    }
    registry.basicAuthorization().ifPresent(a -> b.header("Authorization", a));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The manifest JSON, or null on 404. */
  JsonNode manifest(String repo, String reference) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = get("/v2/" + repo + "/manifests/" + reference, "application/vnd.oci.image.manifest.v1+json");
    if (r.statusCode() == 404) {
      return null;
    }
    if (r.statusCode() != 200) {
      throw new IOException("manifest " + repo + ":" + reference + ": HTTP " + r.statusCode());
    }
    return MAPPER.readTree(r.body());
  }

  byte[] blob(String repo, String digest) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = get("/v2/" + repo + "/blobs/" + digest, null);
    if (r.statusCode() != 200) {
      throw new IOException("blob " + repo + "@" + digest + ": HTTP " + r.statusCode());
    }
    return r.body();
  }

  /** Tags, empty when the repository does not exist. */
  List<String> tags(String repo) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = get("/v2/" + repo + "/tags/list", null);
    List<String> out = new ArrayList<>();
    if (r.statusCode() == 404) {
      return out;
    }
    MAPPER.readTree(r.body()).path("tags").forEach(t -> out.add(t.asText()));
    return out;
  }
}
