package org.containerops.mirror.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * {@code GET /v2/<repo>/manifests/<reference>} with a bound on the body: oras-java 0.7.0's
 * {@code Registry.getManifest} reads any body whole into a string, so a registry answering with
 * gigabytes filled the heap (issue 17 §4). This streams the body through oras's own authenticated
 * client ({@code HttpClient.download}, which handles Basic and Bearer challenges as
 * {@code Registry.fetchBlob} does) and stops at {@link Limits#manifestBytes()} + 1 byte.
 */
final class ManifestReader {
  static final String ACCEPT = "application/vnd.oci.image.manifest.v1+json";
  private final HttpClient http = HttpClient.Builder.builder().build();
  private final AuthProvider auth;
  private final String scheme;
  private final long maxBytes;

  ManifestReader(AuthProvider auth, boolean plainHttp, long maxBytes) {
    this.auth = auth;
    this.scheme = plainHttp ? "http" : "https";
    this.maxBytes = maxBytes;
  }

  /**
   * @param ref {@code host/repository:tag}
   * @return the manifest JSON, empty on 404
   * @throws OrasException with the HTTP status on another error status (so callers retry 5xx)
   * @throws org.containerops.runtime.transfer.TransferException when the body passes the bound
   */
  Optional<String> get(ContainerRef ref, String host, String repository, String tag) throws IOException {
    URI uri = URI.create(scheme + "://" + host + "/v2/" + repository + "/manifests/" + tag);
    HttpClient.ResponseWrapper<InputStream> r = http.download(uri, Map.of("Accept", ACCEPT),
        Scopes.of(ref, Scope.PULL), auth);
    try (InputStream body = new LimitedInputStream(r.response(), maxBytes,
        "manifest " + repository + ":" + tag + " (--max-manifest-bytes)")) {
      if (r.statusCode() == 404) {
        return Optional.empty();
      }
      if (r.statusCode() / 100 != 2) {
        byte[] start = body.readNBytes(4096);
        throw new OrasException(r.statusCode(), "GET " + uri + ": HTTP " + r.statusCode() + " "
            + new String(start, StandardCharsets.UTF_8).strip());
      }
      return Optional.of(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
