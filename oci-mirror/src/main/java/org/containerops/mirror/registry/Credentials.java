package org.containerops.mirror.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A registry user and password. {@link #toString()} never shows the password.
 *
 * @param username the user
 * @param password the password or token
 * @param source where they came from, for messages ({@code ORAS_USER/ORAS_PASS} or the config file)
 */
public record Credentials(String username, String password, String source) {

  /**
   * {@code ORAS_USER} and {@code ORAS_PASS} when both are set (upstream {@code oras.py:14-28}), else the
   * {@code auths} entry for {@code host} in {@code <home>/.docker/config.json} ({@code auth} =
   * base64 {@code user:pass}, or {@code username}/{@code password}); else empty. Credential helpers are
   * not run. A malformed config file counts as no entry.
   */
  public static Optional<Credentials> resolve(String host, Map<String, String> env, Path home) {
    String user = env.get("ORAS_USER");
    String pass = env.get("ORAS_PASS");
    if (user != null && !user.isEmpty() && pass != null && !pass.isEmpty()) {
      return Optional.of(new Credentials(user, pass, "ORAS_USER/ORAS_PASS"));
    }
    Path config = env.containsKey("DOCKER_CONFIG") ? Path.of(env.get("DOCKER_CONFIG"), "config.json")
        : home.resolve(".docker").resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    try {
      JsonNode auths = new ObjectMapper().readTree(config.toFile()).path("auths");
      for (String key : new String[] {host, "https://" + host, "http://" + host, "https://" + host + "/v2/"}) {
        JsonNode e = auths.path(key);
        if (e.hasNonNull("auth")) {
          String decoded = new String(Base64.getDecoder().decode(e.get("auth").asText()), StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          if (colon > 0) {
            return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1),
                config.toString()));
          }
        }
        if (e.hasNonNull("username") && e.hasNonNull("password")) {
          return Optional.of(new Credentials(e.get("username").asText(), e.get("password").asText(), config.toString()));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "Credentials[" + username + " from " + source + "]";
  }
}
