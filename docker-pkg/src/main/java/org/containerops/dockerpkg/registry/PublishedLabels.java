package org.containerops.dockerpkg.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.runtime.transfer.TransferException;
import org.containerops.runtime.transfer.VerifiedInputStream;

/**
 * Reads the labels of a published image from the registry: the manifest of {@code name:tag} (for
 * an index, its {@code linux/amd64} entry, else the first), then its config blob. Every read is
 * bounded and verified (issue 17 §4): manifests up to {@code registry_max_manifest_bytes} and checked
 * against {@code Docker-Content-Digest} when the registry sends it; a manifest reached by digest and
 * the config blob must have exactly the descriptor's size and digest, a longer body is cut off and an
 * error. Nothing is written to disk. Thread-safe.
 */
public final class PublishedLabels {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpRegistryProbe http;

  /** @param config registry, credentials, http_proxy, registry_timeout and registry_max_manifest_bytes are read */
  public PublishedLabels(DockerPkgConfig config) {
    this.http = new HttpRegistryProbe(config);
  }

  /**
   * @return the image's labels (sorted; empty map when it has none), or empty when the registry has
   *     no such tag or no registry is configured
   * @throws IOException when the registry cannot be asked, refuses access, or sends a body that is
   *     too long, too short or does not match its digest (the message names which)
   */
  public Optional<Map<String, String>> labels(ImageLabel label) throws IOException, InterruptedException {
    if (label.registry().isEmpty()) {
      return Optional.empty();
    }
    String repo = label.namespace().isEmpty() ? label.shortName() : label.namespace() + "/" + label.shortName();
    String what = "manifest of " + repo + ":" + label.tag();
    HttpRegistryProbe.Response r = http.get("/v2/" + repo + "/manifests/" + label.tag(), repo,
        HttpRegistryProbe.manifestAccept(), http.maxBody(), what);
    if (r.status() == 404) {
      return Optional.empty();
    }
    check(r, what);
    Optional<String> digest = r.headers().firstValue("Docker-Content-Digest");
    byte[] body = digest.isPresent() ? verified(r.body(), r.body().length, digest.get(), what) : r.body();
    JsonNode manifest = JSON.readTree(body);
    if (manifest.has("manifests")) {
      JsonNode pick = pick(manifest.get("manifests"), what);
      manifest = JSON.readTree(fetch(repo, "manifests", pick, "manifest " + pick.path("digest").asText() + " of " + repo));
    }
    JsonNode config = manifest.path("config");
    if (!config.has("digest")) {
      throw new IOException(what + " has no config descriptor");
    }
    JsonNode labels = JSON.readTree(fetch(repo, "blobs", config, "config blob of " + repo + ":" + label.tag()))
        .path("config").path("Labels");
    Map<String, String> out = new TreeMap<>();
    labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return Optional.of(out);
  }

  private static JsonNode pick(JsonNode manifests, String what) throws IOException {
    if (!manifests.isArray() || manifests.isEmpty()) {
      throw new IOException(what + " is an index without manifests");
    }
    for (JsonNode m : manifests) {
      JsonNode p = m.path("platform");
      if ("linux".equals(p.path("os").asText()) && "amd64".equals(p.path("architecture").asText())) {
        return m;
      }
    }
    return manifests.get(0);
  }

  /** GETs a descriptor's content by digest: exactly its size, its digest checked. */
  private byte[] fetch(String repo, String kind, JsonNode descriptor, String what) throws IOException, InterruptedException {
    String digest = descriptor.path("digest").asText();
    long size = descriptor.path("size").asLong(-1);
    if (size < 0 || size > http.maxBody()) {
      throw new TransferException(what + ": declared size " + size + " is not within 0.." + http.maxBody() + " bytes");
    }
    String accept = kind.equals("blobs") ? "*/*" : HttpRegistryProbe.manifestAccept();
    HttpRegistryProbe.Response r = http.get("/v2/" + repo + "/" + kind + "/" + digest, repo, accept, size, what);
    check(r, what);
    return verified(r.body(), size, digest, what);
  }

  private static byte[] verified(byte[] body, long size, String digest, String what) throws IOException {
    try (InputStream in = new VerifiedInputStream(new ByteArrayInputStream(body), size, digest, what)) {
      return in.readAllBytes();
    } catch (IllegalArgumentException e) {
      throw new TransferException(what + ": " + e.getMessage());
    }
  }

  private void check(HttpRegistryProbe.Response r, String what) throws IOException {
    if (r.status() != 200) {
      throw new IOException(http.base() + " answered HTTP " + r.status() + " for the " + what);
    }
  }
}
