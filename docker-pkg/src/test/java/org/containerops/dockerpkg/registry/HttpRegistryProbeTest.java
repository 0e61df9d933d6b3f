package org.containerops.dockerpkg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.dockerpkg.registry.RegistryProbe.Presence.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry probe against a small in-JVM HTTP server playing the registry's manifest endpoint
 * (Basic and Bearer challenges) and against a socket that never answers (timeout).
 */
class HttpRegistryProbeTest {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String serve(String auth) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String host = "127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/token", ex -> {
      boolean ok = "Basic dTpw".equals(ex.getRequestHeaders().getFirst("Authorization"));
      requests.add("token " + ex.getRequestURI().getQuery());
      byte[] body = "{\"token\": \"t0k\"}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(ok ? 200 : 401, ok ? body.length : -1);
      if (ok) {
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    server.createContext("/v2/", ex -> {
      String a = ex.getRequestHeaders().getFirst("Authorization");
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + a);
      boolean authorized = auth.equals("none") || (auth.equals("basic") && "Basic dTpw".equals(a))
          || (auth.equals("bearer") && "Bearer t0k".equals(a));
      if (!authorized) {
        ex.getResponseHeaders().add("WWW-Authenticate", auth.equals("basic") ? "Basic realm=\"r\""
            : "Bearer realm=\"http://" + host + "/token\",service=\"reg\"");
        ex.sendResponseHeaders(401, -1);
      } else {
        ex.sendResponseHeaders(ex.getRequestURI().getPath().endsWith("/1.0") ? 200 : 404, -1);
      }
      ex.close();
    });
    server.start();
    return host;
  }

  private static DockerPkgConfig config(String registry, boolean creds) {
    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    m.put("registry", registry);
    m.put("namespace", "ns");
    m.put("registry_timeout", 1);
    if (creds) {
      m.put("username", "u");
      m.put("password", "p");
    }
    return new DockerPkgConfig(m);
  }

  @Test
  void presentAndAbsentManifestsWithoutAuth() throws IOException {
    String host = serve("none");
    HttpRegistryProbe probe = new HttpRegistryProbe(config(host, false));
    assertEquals(Status.PRESENT, probe.probe(new ImageLabel(host, "ns", "img", "1.0")).status());
    assertEquals(Status.ABSENT, probe.probe(new ImageLabel(host, "ns", "img", "2.0")).status());
    assertEquals("HEAD /v2/ns/img/manifests/1.0 null", requests.get(0));
  }

  @Test
  void basicAuthUsesTheCredentialsAndWithoutThemTheAnswerIsUnknown() throws IOException {
    String host = serve("basic");
    assertEquals(Status.PRESENT, new HttpRegistryProbe(config(host, true)).probe(new ImageLabel(host, "ns", "img", "1.0")).status());
    RegistryProbe.Presence anonymous = new HttpRegistryProbe(config(host, false)).probe(new ImageLabel(host, "ns", "img", "1.0"));
    assertEquals(Status.UNKNOWN, anonymous.status());
    assertTrue(anonymous.detail().contains("no credentials configured"), anonymous.detail());
  }

  @Test
  void bearerChallengesAreAnsweredWithAPullToken() throws IOException {
    String host = serve("bearer");
    assertEquals(Status.ABSENT, new HttpRegistryProbe(config(host, true)).probe(new ImageLabel(host, "ns", "img", "3.0")).status());
    assertTrue(requests.contains("token scope=repository:ns/img:pull&service=reg"), requests.toString());
  }

  @Test
  void aRegistryThatNeverAnswersIsUnknownWithinTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String host = "127.0.0.1:" + silent.getLocalPort();
      long start = System.nanoTime();
      RegistryProbe.Presence p = new HttpRegistryProbe(config(host, false)).probe(new ImageLabel(host, "ns", "img", "1.0"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(Status.UNKNOWN, p.status());
      assertTrue(millis < 5000, "took " + millis + " ms");
      assertFalse(p.detail().contains("p@"), p.detail());
    }
  }

  @Test
  void noRegistryMeansAbsentAndLoopbackHostsUsePlainHttp() {
    assertEquals(Status.ABSENT, new HttpRegistryProbe(config("", false)).probe(new ImageLabel("", "", "x", "1")).status());
    assertTrue(HttpRegistryProbe.isLoopback("127.0.0.1:5000"));
    assertTrue(HttpRegistryProbe.isLoopback("localhost:5000"));
    assertTrue(HttpRegistryProbe.isLoopback("[::1]:5000"));
    assertFalse(HttpRegistryProbe.isLoopback("docker-registry.wikimedia.org"));
  }
}
