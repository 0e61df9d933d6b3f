package org.containerops.mirror.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving registry and channel of the tests' own on 127.0.0.1: routes by path answer with floods,
 * trickles or lies; everything else is 404 (so tag lists are empty). Every loop is bounded in bytes
 * and time. {@link #bytesSent} counts what the floods managed to write before the client hung up.
 */
final class HostileServer implements AutoCloseable {
  /** Most bytes one flood writes: far more than any bound under test, far less than the disk. */
  static final long FLOOD_BYTES = 512L << 20;
  final AtomicLong bytesSent = new AtomicLong();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "hostile-server");
    t.setDaemon(true);
    return t;
  });

  @FunctionalInterface
  interface Route {
    void answer(HttpExchange ex) throws IOException;
  }

  HostileServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", ex -> {
      try (ex) {
        String path = ex.getRequestURI().getPath();
        Route r = routes.get(path);
        if (path.equals("/v2/")) {
          body(ex, 200, "{}");
        } else if (r != null && !ex.getRequestMethod().equals("HEAD")) {
          r.answer(ex);
        } else {
          body(ex, 404, "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"hostile\"}]}");
        }
      } catch (IOException ignored) {
        // the client hung up: that is what the bounds are for
      }
    });
    server.start();
  }

  String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  URI uri(String path) {
    return URI.create("http://" + hostPort() + path);
  }

  void route(String path, Route r) {
    routes.put(path, r);
  }

  static void body(HttpExchange ex, int status, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/vnd.oci.image.manifest.v1+json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  /** 200 with {@code prefix} then filler bytes up to {@link #FLOOD_BYTES}, chunked, until the client hangs up. */
  Route flood(String prefix) {
    return ex -> {
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write(prefix.getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      for (long sent = 0; sent < FLOOD_BYTES; sent += chunk.length) {
        out.write(chunk);
        bytesSent.addAndGet(chunk.length);
      }
    };
  }

  /** 200 declaring {@code length} bytes, sends {@code first} of them, then stalls for up to {@code stallMillis}. */
  static Route trickle(long length, int first, long stallMillis) {
    return ex -> {
      ex.sendResponseHeaders(200, length);
      ex.getResponseBody().write(new byte[first]);
      ex.getResponseBody().flush();
      try {
        Thread.sleep(stallMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
