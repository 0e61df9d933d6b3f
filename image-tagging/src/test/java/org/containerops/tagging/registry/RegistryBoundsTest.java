package org.containerops.tagging.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.containerops.tagging.api.TaggingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 §4 for image-tagging's registry client, against a misbehaving registry of the test's own (JDK
 * HttpServer on 127.0.0.1, bounded bodies): blobs stop at the descriptor's size and are digest-checked
 * while streaming; manifests have an upper bound and must match the digest the registry declares.
 */
class RegistryBoundsTest {
  static final byte[] CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
  static final long FLOOD = 64L * 1024 * 1024; // the most a flooding handler tries to send

  HttpServer server;
  final Map<String, Handler> routes = new ConcurrentHashMap<>();
  final AtomicLong flooded = new AtomicLong();
  final CountDownLatch floodEnded = new CountDownLatch(1);

  interface Handler {
    void handle(HttpExchange x) throws IOException;
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v2/", x -> {
      try (x) {
        Handler h = routes.get(x.getRequestURI().getPath());
        if (h == null) {
          x.sendResponseHeaders(404, -1);
        } else {
          h.handle(x);
        }
      } catch (IOException e) {
        // the client hung up: what a bounded client does
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  ImageReference ref(String tag) {
    return ImageReference.parse("127.0.0.1:" + server.getAddress().getPort() + "/me/img:" + tag);
  }

  static void send(HttpExchange x, byte[] body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> x.getResponseHeaders().add(k, v));
    x.sendResponseHeaders(200, body.length);
    x.getResponseBody().write(body);
  }

  /** A body of up to FLOOD bytes, chunked (no length), counting what the client took. */
  void flood(HttpExchange x, String contentType) throws IOException {
    x.getResponseHeaders().add("Content-Type", contentType);
    x.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = x.getResponseBody()) {
      for (long sent = 0; sent < FLOOD; sent += chunk.length) {
        out.write(chunk);
        flooded.addAndGet(chunk.length);
      }
    } finally {
      floodEnded.countDown();
    }
  }

  @Test
  void aBlobLongerThanItsDescriptorFailsAtTheDeclaredSizeWithoutTakingTheFlood() throws Exception {
    String digest = MediaTypes.sha256(CONFIG);
    routes.put("/v2/me/img/blobs/" + digest, x -> flood(x, "application/octet-stream"));
    RegistryClient c = new RegistryClient(false);
    long t0 = System.nanoTime();
    TaggingException e = assertThrows(TaggingException.class, () -> c.blob(ref("x"), digest, CONFIG.length));
    assertEquals(TaggingException.Reason.REGISTRY, e.reason());
    assertTrue(e.getMessage().contains("longer than the declared " + CONFIG.length + " bytes"), e.getMessage());
    assertTrue(floodEnded.await(20, TimeUnit.SECONDS), "the server was still sending");
    assertTrue(flooded.get() < FLOOD, "the client read the whole flood: " + flooded.get());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20));
  }

  @Test
  void aBlobWithAnotherDigestOrShortBodyFails() {
    String digest = MediaTypes.sha256(CONFIG);
    routes.put("/v2/me/img/blobs/" + digest, x -> send(x, "{\"architecture\":\"arm64\",\"os\":\"linux\"}"
        .getBytes(StandardCharsets.UTF_8), Map.of()));
    RegistryClient c = new RegistryClient(false);
    TaggingException e = assertThrows(TaggingException.class, () -> c.blob(ref("x"), digest, CONFIG.length));
    assertTrue(e.getMessage().contains("digest mismatch, declared " + digest), e.getMessage());
    e = assertThrows(TaggingException.class, () -> c.blob(ref("x"), digest, CONFIG.length + 5));
    assertTrue(e.getMessage().contains("the body ended after " + CONFIG.length + " of the declared"), e.getMessage());
    e = assertThrows(TaggingException.class, () -> c.blob(ref("x"), digest, 40L * 1024 * 1024 * 1024));
    assertTrue(e.getMessage().contains("declared size 42949672960 is not within 0..4194304 bytes"), e.getMessage());
  }

  @Test
  void aMatchingBlobAndManifestAreRead() {
    String digest = MediaTypes.sha256(CONFIG);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"digest\":\""
        + digest + "\",\"size\":" + CONFIG.length + "}}").getBytes(StandardCharsets.UTF_8);
    routes.put("/v2/me/img/blobs/" + digest, x -> send(x, CONFIG, Map.of()));
    routes.put("/v2/me/img/manifests/1.0", x -> send(x, manifest, Map.of("Content-Type", MediaTypes.OCI_MANIFEST,
        "Docker-Content-Digest", MediaTypes.sha256(manifest))));
    RegistryClient c = new RegistryClient(false);
    assertArrayEquals(CONFIG, c.blob(ref("x"), digest, CONFIG.length));
    RegistryClient.Fetched f = c.manifest(ref("1.0")).orElseThrow();
    assertEquals(MediaTypes.sha256(manifest), f.digest());
    assertEquals(MediaTypes.OCI_MANIFEST, f.mediaType());
    assertTrue(c.manifest(ref("missing")).isEmpty(), "404 is upstream's ManifestNotFoundError");
  }

  @Test
  void aManifestOverTheBoundFailsAndTheBoundIsConfigurable() throws Exception {
    routes.put("/v2/me/img/manifests/big", x -> flood(x, MediaTypes.OCI_MANIFEST));
    TaggingException e = assertThrows(TaggingException.class, () -> new RegistryClient(false).manifest(ref("big")));
    assertTrue(e.getMessage().contains("manifest of"), e.getMessage());
    assertTrue(floodEnded.await(20, TimeUnit.SECONDS), "the server was still sending");
    assertTrue(flooded.get() < FLOOD, "the client read the whole flood: " + flooded.get());
    byte[] twoKib = ("{\"schemaVersion\":2,\"x\":\"" + "a".repeat(2048) + "\"}").getBytes(StandardCharsets.UTF_8);
    routes.put("/v2/me/img/manifests/2k", x -> send(x, twoKib, Map.of("Content-Type", MediaTypes.OCI_MANIFEST)));
    assertEquals(twoKib.length, new RegistryClient(false).manifest(ref("2k")).orElseThrow().body().length);
    assertThrows(TaggingException.class, () -> new RegistryClient(false, 1024).manifest(ref("2k")));
    assertThrows(IllegalArgumentException.class, () -> new RegistryClient(false, 0));
  }

  @Test
  void aManifestThatIsNotWhatTheRegistryDeclaredFails() {
    byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    String other = "sha256:" + "0".repeat(64);
    routes.put("/v2/me/img/manifests/1.0", x -> send(x, manifest, Map.of("Content-Type", MediaTypes.OCI_MANIFEST,
        "Docker-Content-Digest", other)));
    TaggingException e = assertThrows(TaggingException.class, () -> new RegistryClient(false).manifest(ref("1.0")));
    assertTrue(e.getMessage().endsWith("registry declared " + other), e.getMessage());
  }
}
