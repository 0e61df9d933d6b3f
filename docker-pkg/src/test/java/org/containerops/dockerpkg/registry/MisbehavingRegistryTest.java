package org.containerops.dockerpkg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.dockerpkg.registry.RegistryProbe.Presence.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 §4 for docker-pkg: a registry of the test's own on loopback that sends endless, short,
 * wrong or stalled bodies. Every read stops at its bound or deadline with an error naming what was
 * read; nothing is written to disk (the reads are in memory). Each endless body is capped at 1 GiB
 * and every server thread ends when the client goes away.
 */
class MisbehavingRegistryTest {
  private static final String CONFIG_JSON = "{\"config\":{\"Labels\":{\"a\":\"1\",\"org.containerops.x\":\"y\"}}}";
  private static final long ENDLESS = 1L << 30;
  private HttpServer server;
  private String host;
  private final AtomicLong served = new AtomicLong();
  private volatile String mode = "good";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    host = "127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/token", ex -> endless(ex));
    server.createContext("/v2/", this::registry);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void registry(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    byte[] config = CONFIG_JSON.getBytes(StandardCharsets.UTF_8);
    String configDigest = digest(config);
    byte[] manifest = ("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\","
        + "\"digest\":\"" + configDigest + "\",\"size\":" + (mode.equals("short-size") ? config.length - 5 : config.length)
        + "}}").getBytes(StandardCharsets.UTF_8);
    if (mode.equals("token") ) {
      ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + host + "/token\",service=\"reg\"");
      ex.sendResponseHeaders(401, -1);
      ex.close();
    } else if (path.contains("/manifests/")) {
      switch (mode) {
        case "endless-manifest" -> endless(ex);
        case "stall" -> stall(ex);
        default -> {
          ex.getResponseHeaders().add("Docker-Content-Digest", mode.equals("manifest-digest") ? digest(new byte[1])
              : digest(manifest));
          send(ex, manifest);
        }
      }
    } else if (path.contains("/blobs/")) {
      switch (mode) {
        case "endless-blob" -> endless(ex);
        case "wrong-blob" -> send(ex, CONFIG_JSON.replace("1", "2").getBytes(StandardCharsets.UTF_8));
        default -> send(ex, config);
      }
    } else {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    }
  }

  private static void send(HttpExchange ex, byte[] body) throws IOException {
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  /** 200 with a chunked body of up to 1 GiB; stops when the client hangs up. */
  private void endless(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) '{');
    try (OutputStream out = ex.getResponseBody()) {
      for (long n = 0; n < ENDLESS; n += chunk.length) {
        out.write(chunk);
        served.addAndGet(chunk.length);
      }
    } catch (IOException clientWentAway) {
      // expected
    }
  }

  /** Headers, one byte, then nothing for up to 20 s. */
  private static void stall(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 1000);
    ex.getResponseBody().write('{');
    ex.getResponseBody().flush();
    try {
      Thread.sleep(20_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ex.close();
  }

  private static String digest(byte[] b) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private DockerPkgConfig config() {
    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    m.put("registry", host);
    m.put("namespace", "ns");
    m.put("registry_timeout", 2);
    m.put("registry_max_manifest_bytes", 65536);
    return new DockerPkgConfig(m);
  }

  private ImageLabel label() {
    return new ImageLabel(host, "ns", "app", "1.0");
  }

  private IOException fails(String mode) {
    this.mode = mode;
    long start = System.nanoTime();
    IOException e = assertThrows(IOException.class, () -> new PublishedLabels(config()).labels(label()));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "bounded in time");
    return e;
  }

  @Test
  void wellBehavedRegistryGivesTheLabels() throws Exception {
    assertEquals(Optional.of(Map.of("a", "1", "org.containerops.x", "y")), new PublishedLabels(config()).labels(label()));
  }

  @Test
  void endlessManifestStopsAtTheConfiguredBound() {
    IOException e = fails("endless-manifest");
    assertTrue(e.getMessage().contains("manifest of ns/app:1.0 is larger than 65536 bytes"), e.getMessage());
    assertTrue(served.get() < 64L << 20, "stopped reading early: " + served.get());
  }

  @Test
  void blobLongerThanItsDescriptorIsCutOff() {
    IOException e = fails("endless-blob");
    assertTrue(e.getMessage().contains("config blob of ns/app:1.0 is larger than " + CONFIG_JSON.length() + " bytes"),
        e.getMessage());
  }

  @Test
  void blobWithAnotherDigestOrSizeIsRefused() {
    assertTrue(fails("wrong-blob").getMessage().contains("config blob"));
    assertTrue(fails("short-size").getMessage().contains("config blob"));
  }

  @Test
  void manifestNotMatchingItsDigestHeaderIsRefused() {
    assertTrue(fails("manifest-digest").getMessage().contains("manifest of ns/app:1.0"));
  }

  @Test
  void stalledBodyEndsAtTheDeadline() {
    IOException e = fails("stall");
    assertTrue(e.getMessage().contains("no complete answer within 2 s"), e.getMessage());
  }

  @Test
  void endlessTokenResponseMakesTheProbeUnknownNotHung() {
    mode = "token";
    long start = System.nanoTime();
    RegistryProbe.Presence p = new HttpRegistryProbe(config()).probe(label());
    assertEquals(Status.UNKNOWN, p.status());
    assertTrue(p.detail().contains("token response of 127.0.0.1 is larger than 65536 bytes"), p.detail());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
  }
}
