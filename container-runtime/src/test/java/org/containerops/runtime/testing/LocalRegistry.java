package org.containerops.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (distribution 2.8) serving plain
 * HTTP on 127.0.0.1 at a free port, with its own storage in a temp dir, optionally behind htpasswd
 * (bcrypt, from {@code htpasswd -B}) basic auth. The engine treats 127.0.0.0/8 as an insecure
 * registry, so {@code docker push 127.0.0.1:PORT/...} works. {@link #stop()} and {@link #start()}
 * keep port and storage, for fault tests. {@link #close()} stops it and deletes its storage.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);

  private final Path dir;
  private final int port;
  private final String username;
  private final String password;
  private Process process;

  private LocalRegistry(Path dir, int port, String username, String password) {
    this.dir = dir;
    this.port = port;
    this.username = username;
    this.password = password;
  }

  /** Starts a registry without auth. */
  public static LocalRegistry startPlain() {
    return create(null, null);
  }

  /** Starts a registry that requires {@code username}/{@code password} (htpasswd, bcrypt). */
  public static LocalRegistry startWithAuth(String username, String password) {
    return create(username, password);
  }

  private static LocalRegistry create(String username, String password) {
    LocalRegistry r = null;
    try {
      Path dir = Files.createTempDirectory("containerops-registry-");
      r = new LocalRegistry(dir, freeLoopbackPort(), username, password);
      r.writeConfig();
      r.start();
      return r;
    } catch (IOException e) {
      if (r != null) {
        r.close();
      }
      throw new UncheckedIOException("cannot start docker-registry (apt-get install docker-registry): " + e, e);
    } catch (RuntimeException e) {
      if (r != null) {
        r.close();
      }
      throw e;
    }
  }

  private void writeConfig() throws IOException {
    String auth = "";
    if (username != null) {
      Process p = new ProcessBuilder("htpasswd", "-Bbn", username, password).redirectErrorStream(true).start();
      String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      waitFor(p);
      if (p.exitValue() != 0 || !line.startsWith(username + ":")) {
        throw new IOException("htpasswd (apache2-utils) failed: " + line);
      }
      Files.writeString(dir.resolve("htpasswd"), line + "\n");
      auth = "auth:\n  htpasswd:\n    realm: containerops\n    path: " + dir.resolve("htpasswd") + "\n";
    }
    Files.writeString(dir.resolve("config.yml"), "version: 0.1\n"
        + "log:\n  level: warn\n"
        + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("data") + "\n  delete:\n    enabled: true\n"
        + "http:\n  addr: 127.0.0.1:" + port + "\n  secret: " + UUID.randomUUID() + "\n"
        + auth);
  }

  /** Starts (or restarts) the registry process and waits until {@code /v2/} answers. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      process = new ProcessBuilder("docker-registry", "serve", dir.resolve("config.yml").toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run docker-registry (apt-get install docker-registry): " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + STARTUP.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited: " + log());
      }
      try {
        int status = http.send(HttpRequest.newBuilder(uri().resolve("/v2/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting docker-registry", e);
      }
      sleep(100);
    }
    throw new IllegalStateException("docker-registry did not answer within " + STARTUP.toSeconds() + " s: " + log());
  }

  /** Stops the process (storage and port are kept for {@link #start()}). */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!waitFor(process)) {
      process.destroyForcibly();
      waitFor(process);
    }
    process = null;
  }

  /** {@code 127.0.0.1:PORT}, the registry part of image and repository references. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI uri() {
    return URI.create("http://" + hostPort());
  }

  /** The user name, when auth is on. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The password, when auth is on. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** {@code Basic <base64(user:pass)>} when auth is on. */
  public Optional<String> basicAuthorization() {
    return username().map(u -> "Basic " + Base64.getEncoder()
        .encodeToString((u + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** The registry's own log so far. */
  public String log() {
    try {
      return Files.readString(dir.resolve("log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the registry and deletes its storage; idempotent. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // already gone
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean waitFor(Process p) {
    try {
      return p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
