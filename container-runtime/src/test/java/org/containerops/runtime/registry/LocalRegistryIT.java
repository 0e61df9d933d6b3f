package org.containerops.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.containerops.runtime.testing.LocalRegistry;
import org.containerops.runtime.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry fixture the tools' tests stand on: starts, stops, restarts, enforces auth. */
@ExtendWith(RegistryExtension.class)
class LocalRegistryIT {
  private final HttpClient http = HttpClient.newHttpClient();

  private int status(LocalRegistry r, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(r.uri().resolve("/v2/"));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void plainRegistryAnswersAndSurvivesARestart(LocalRegistry registry) throws Exception {
    assertEquals(200, status(registry, null));
    registry.stop();
    assertThrows(IOException.class, () -> status(registry, null));
    registry.start();
    assertEquals(200, status(registry, null));
  }

  @Test
  void htpasswdRegistryRequiresTheCredentials() throws Exception {
    try (LocalRegistry r = LocalRegistry.startWithAuth("ci-user", "s3cret-pass")) {
      assertEquals(401, status(r, null));
      assertEquals(401, status(r, "Basic Y2ktdXNlcjp3cm9uZw=="));
      assertEquals(200, status(r, r.basicAuthorization().orElseThrow()));
    }
  }
}
