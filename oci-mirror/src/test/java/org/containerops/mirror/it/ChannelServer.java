package org.containerops.mirror.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves a local channel directory over HTTP on 127.0.0.1 (the test's stand-in for conda.anaconda.org). */
final class ChannelServer implements AutoCloseable {
  private final HttpServer server;
  final AtomicInteger packageRequests = new AtomicInteger();

  ChannelServer(Path channelRoot) throws IOException {
    Path root = channelRoot.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      Path file = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
      if (file.getFileName().toString().endsWith(".conda") || file.getFileName().toString().endsWith(".tar.bz2")) {
        packageRequests.incrementAndGet();
      }
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      byte[] body = Files.readAllBytes(file);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
