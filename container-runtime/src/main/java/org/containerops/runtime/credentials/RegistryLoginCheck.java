package org.containerops.runtime.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks credentials against a registry's {@code GET /v2/} (distribution spec "API version check") with
 * HTTP basic auth, and turns a refusal into the one-line message of issue 18 §1. Identity tokens need the
 * registry's token exchange, which this check does not do.
 */
public final class RegistryLoginCheck {
  private final HttpClient http;
  private final Duration timeout;

  /** @param timeout for connecting and for the answer */
  public RegistryLoginCheck(Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeout = timeout;
  }

  /**
   * @param base the registry, e.g. {@code http://127.0.0.1:5000}
   * @param credential what {@link CredentialResolver#resolve} found, or empty for anonymous
   * @param resolver names where credentials are looked up when there are none
   * @throws CredentialException on 401/403: "registry R refused the credentials from SOURCE for USER", or,
   *     anonymous, where credentials are looked up; on any other status or I/O failure, naming the registry
   */
  public void check(URI base, Optional<RegistryCredential> credential, CredentialResolver resolver) {
    String registry = base.getAuthority();
    HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve("/v2/")).timeout(timeout).GET();
    credential.filter(c -> !c.identityToken()).ifPresent(c -> req.header("Authorization", c.basicAuthorization()));
    HttpResponse<Void> r;
    try {
      r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new CredentialException("registry " + registry + " did not answer GET /v2/: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialException("interrupted while checking registry " + registry, e);
    }
    if (r.statusCode() == 200) {
      return;
    }
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      throw new CredentialException(credential.map(c -> c.refusedMessage(registry))
          .orElseGet(() -> resolver.anonymousRefusedMessage(registry)));
    }
    throw new CredentialException("registry " + registry + " answered GET /v2/ with HTTP " + r.statusCode());
  }
}
