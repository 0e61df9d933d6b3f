package org.containerops.runtime.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a docker credential helper as docker does (docker-credential-helpers {@code client/client.go}
 * {@code Get}): {@code docker-credential-<name> get}, the server URL on stdin, JSON
 * {@code {"ServerURL","Username","Secret"}} on stdout; a non-zero exit whose output says
 * {@code credentials not found} means none. A user name {@code <token>} means the secret is an identity
 * token. The helper is found on the {@code PATH} of the given environment and runs with that environment.
 */
final class CredentialHelper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOT_FOUND = "credentials not found";
  private static final int MAX_OUTPUT = 1024 * 1024;

  private final String name;
  private final Map<String, String> env;
  private final Duration timeout;

  /** @param name the helper suffix, e.g. {@code pass} for {@code docker-credential-pass} */
  CredentialHelper(String name, Map<String, String> env, Duration timeout) {
    this.name = name;
    this.env = env;
    this.timeout = timeout;
  }

  /** {@code docker-credential-<name>}. */
  String program() {
    return "docker-credential-" + name;
  }

  /**
   * @param serverUrl the registry key ({@link RegistryKey#normalize})
   * @return the user name and secret, or empty when the helper has none for it
   * @throws CredentialException when the helper is not on PATH, fails, times out or answers garbage
   */
  Optional<String[]> get(String serverUrl) {
    Path exe = find().orElseThrow(() -> new CredentialException("credential helper " + program()
        + " is not on PATH (" + env.getOrDefault("PATH", "") + ")"));
    ProcessBuilder pb = new ProcessBuilder(exe.toString(), "get").redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new CredentialException("cannot run credential helper " + exe + ": " + e.getMessage(), e);
    }
    try {
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readBounded(p.getInputStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // a helper that does not read stdin still answers
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new CredentialException("credential helper " + program() + " did not answer for " + serverUrl
            + " within " + timeout.toSeconds() + " s");
      }
      String text = new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0) {
        if (text.contains(NOT_FOUND)) {
          return Optional.empty();
        }
        throw new CredentialException("credential helper " + program() + " failed for " + serverUrl + " (exit "
            + p.exitValue() + "): " + firstLine(text));
      }
      return Optional.of(parse(text, serverUrl));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialException("interrupted while running " + program(), e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new CredentialException("cannot read the answer of " + program() + ": " + e.getMessage(), e);
    } finally {
      p.destroyForcibly();
    }
  }

  private String[] parse(String text, String serverUrl) {
    JsonNode n;
    try {
      n = JSON.readTree(text);
    } catch (IOException e) {
      n = null;
    }
    if (n == null || !n.isObject() || !n.path("Secret").isTextual()) {
      throw new CredentialException("credential helper " + program() + " answered for " + serverUrl
          + " without JSON {\"ServerURL\", \"Username\", \"Secret\"}");
    }
    return new String[] {n.path("Username").asText(""), n.path("Secret").asText()};
  }

  private Optional<Path> find() {
    for (String dir : env.getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, program());
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static byte[] readBounded(InputStream in) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (buf.size() < MAX_OUTPUT) {
          buf.write(chunk, 0, Math.min(n, MAX_OUTPUT - buf.size()));
        }
      }
    } catch (IOException closed) {
      // the process was killed
    }
    return buf.toByteArray();
  }

  /** The first line, cut at 200 characters: helper errors, never the secret (which only comes on success). */
  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
