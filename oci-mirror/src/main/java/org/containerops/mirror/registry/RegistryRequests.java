package org.containerops.mirror.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import land.oras.ContainerRef;
import land.oras.auth.AuthProvider;
import land.oras.auth.HttpClient;
import land.oras.auth.Scope;
import land.oras.auth.Scopes;
import land.oras.exception.OrasException;
import org.containerops.runtime.transfer.LimitedInputStream;

/**
 * The distribution-spec requests the mirror makes itself, each exactly once, through oras-java's own
 * authenticated client ({@code land.oras.auth.HttpClient}: Basic and Bearer challenges and token cache
 * as in {@code Registry}). oras-java 0.7.0's {@code Registry} reads any manifest body whole
 * ({@code getManifest}), HEADs every blob again inside {@code pushBlob} and reads every pushed manifest
 * back ({@code pushManifest}); issue 12 §1 and issue 17 §4 replace those here. Non-2xx answers throw
 * {@link OrasException} with the status, so the caller's retry policy applies. Thread-safe.
 */
final class RegistryRequests {
  static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private final HttpClient http = HttpClient.Builder.builder().build();
  private final AuthProvider auth;
  private final String base;
  private final long maxManifestBytes;

  RegistryRequests(AuthProvider auth, boolean plainHttp, String host, long maxManifestBytes) {
    this.auth = auth;
    this.base = (plainHttp ? "http" : "https") + "://" + host;
    this.maxManifestBytes = maxManifestBytes;
  }

  /**
   * {@code GET /v2/<repository>/manifests/<tag>}, body bounded by {@code maxManifestBytes}.
   *
   * @return the manifest JSON, empty on 404
   * @throws org.containerops.runtime.transfer.TransferException when the body passes the bound
   */
  Optional<String> getManifest(ContainerRef ref, String repository, String tag) throws IOException {
    URI uri = URI.create(base + "/v2/" + repository + "/manifests/" + tag);
    HttpClient.ResponseWrapper<InputStream> r = http.download(uri, Map.of("Accept", MANIFEST), pull(ref), auth);
    try (InputStream body = new LimitedInputStream(r.response(), maxManifestBytes,
        "manifest " + repository + ":" + tag + " (--max-manifest-bytes)")) {
      if (r.statusCode() == 404) {
        return Optional.empty();
      }
      if (r.statusCode() / 100 != 2) {
        throw new OrasException(r.statusCode(), "GET " + uri + ": HTTP " + r.statusCode() + " "
            + new String(body.readNBytes(4096), StandardCharsets.UTF_8).strip());
      }
      return Optional.of(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** {@code PUT /v2/<repository>/manifests/<tag>} with the bytes verbatim; no read-back. */
  void putManifest(ContainerRef ref, String repository, String tag, byte[] json) {
    URI uri = URI.create(base + "/v2/" + repository + "/manifests/" + tag);
    check("PUT", uri, http.put(uri, json, Map.of("Content-Type", MANIFEST), push(ref), auth));
  }

  /** {@code HEAD /v2/<repository>/blobs/<digest>}: true on 2xx, false on 404. */
  boolean blobExists(ContainerRef ref, String repository, String digest) {
    URI uri = URI.create(base + "/v2/" + repository + "/blobs/" + digest);
    HttpClient.ResponseWrapper<String> r = http.head(uri, Map.of(), pull(ref), auth);
    if (r.statusCode() == 404) {
      return false;
    }
    check("HEAD", uri, r);
    return true;
  }

  /**
   * Monolithic upload without an existence check: {@code POST /v2/<repository>/blobs/uploads/}, then
   * {@code PUT <location>?digest=} with the file (two requests, as distribution 2.8 has no single-POST
   * upload).
   */
  void upload(ContainerRef ref, String repository, String digest, Path file) {
    URI location = start(ref, repository, "");
    URI put = withDigest(location, digest);
    check("PUT", put, http.upload("PUT", put, Map.of("Content-Type", "application/octet-stream"), file, push(ref), auth));
  }

  /** As {@link #upload(ContainerRef, String, String, Path)} for bytes in memory. */
  void upload(ContainerRef ref, String repository, String digest, byte[] data) {
    URI location = start(ref, repository, "");
    finish(ref, location, digest, data);
  }

  /**
   * Cross-repository blob mount ({@code POST …/blobs/uploads/?mount=<digest>&from=<repository>}, OCI
   * distribution-spec "Mounting a blob from another repository"): one request when the registry mounts
   * (201); when it answers 202 instead (mount unsupported or source missing), the upload session it
   * opened is completed with {@code data}.
   */
  void mountOrUpload(ContainerRef ref, String repository, String digest, String fromRepository, byte[] data) {
    URI uri = URI.create(base + "/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + fromRepository);
    HttpClient.ResponseWrapper<String> r = http.post(uri, new byte[0], Map.of(), push(ref), auth);
    if (r.statusCode() == 201) {
      return;
    }
    check("POST", uri, r);
    finish(ref, location(uri, r), digest, data);
  }

  private URI start(ContainerRef ref, String repository, String query) {
    URI uri = URI.create(base + "/v2/" + repository + "/blobs/uploads/" + query);
    HttpClient.ResponseWrapper<String> r = http.post(uri, new byte[0], Map.of(), push(ref), auth);
    check("POST", uri, r);
    return location(uri, r);
  }

  private void finish(ContainerRef ref, URI location, String digest, byte[] data) {
    URI put = withDigest(location, digest);
    check("PUT", put, http.put(put, data, Map.of("Content-Type", "application/octet-stream"), push(ref), auth));
  }

  private static URI location(URI request, HttpClient.ResponseWrapper<String> r) {
    String location = header(r, "Location");
    if (location == null) {
      throw new OrasException(0, "POST " + request + ": HTTP " + r.statusCode() + " without a Location header");
    }
    return request.resolve(location);
  }

  private static URI withDigest(URI location, String digest) {
    String s = location.toString();
    return URI.create(s + (s.contains("?") ? "&" : "?") + "digest=" + digest);
  }

  private static String header(HttpClient.ResponseWrapper<?> r, String name) {
    for (Map.Entry<String, String> h : r.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  private static void check(String method, URI uri, HttpClient.ResponseWrapper<String> r) {
    if (r.statusCode() / 100 != 2) {
      String body = r.response() == null ? "" : r.response();
      throw new OrasException(r.statusCode(), method + " " + uri.getPath() + ": HTTP " + r.statusCode() + " "
          + body.substring(0, Math.min(body.length(), 2048)).strip());
    }
  }

  private static Scopes pull(ContainerRef ref) {
    return Scopes.of(ref, Scope.PULL);
  }

  private static Scopes push(ContainerRef ref) {
    return Scopes.of(ref, Scope.PULL, Scope.PUSH);
  }
}
