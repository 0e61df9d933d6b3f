package org.containerops.runtime.credentials;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of a docker {@code config.json} that hold credentials (docker CLI
 * {@code cli/config/configfile/file.go}): {@code auths} ({@code auth} = base64 {@code user:password}, or
 * {@code username}/{@code password}, and {@code identitytoken}), {@code credHelpers} (registry to helper
 * suffix) and {@code credsStore} (default helper suffix). Immutable.
 *
 * @param file the file read
 * @param auths entries by their key as written, sorted
 * @param credHelpers helper suffix by registry key as written, sorted
 * @param credsStore the default helper suffix, or empty
 */
public record DockerConfigFile(Path file, Map<String, AuthEntry> auths, Map<String, String> credHelpers,
    Optional<String> credsStore) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One {@code auths} entry; any field may be empty.
   *
   * @param username user name ({@code auth}'s part before the first colon, else {@code username})
   * @param password password ({@code auth}'s part after it, else {@code password})
   * @param identityToken {@code identitytoken}
   */
  public record AuthEntry(String username, String password, String identityToken) {}

  /** Copies the maps. */
  public DockerConfigFile {
    auths = Map.copyOf(new TreeMap<>(auths));
    credHelpers = Map.copyOf(new TreeMap<>(credHelpers));
  }

  /**
   * Reads {@code file}; a missing file is empty.
   *
   * @throws CredentialException when it is not valid JSON (naming the file, line and column), when a field
   *     has the wrong type, or {@code auth} is not base64 of {@code user:password}
   */
  public static DockerConfigFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException missing) {
      return new DockerConfigFile(file, Map.of(), Map.of(), Optional.empty());
    } catch (IOException e) {
      throw new CredentialException("cannot read docker config " + file + ": " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new CredentialException("malformed docker config " + file + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CredentialException("cannot read docker config " + file + ": " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      return new DockerConfigFile(file, Map.of(), Map.of(), Optional.empty());
    }
    if (!root.isObject()) {
      throw new CredentialException("malformed docker config " + file + ": want a JSON object at the top");
    }
    Map<String, AuthEntry> auths = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "auths", file).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      auths.put(e.getKey(), entry(e.getKey(), e.getValue(), file));
    }
    Map<String, String> helpers = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "credHelpers", file).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      helpers.put(e.getKey(), text(e.getValue(), "credHelpers." + e.getKey(), file));
    }
    String store = root.has("credsStore") ? text(root.get("credsStore"), "credsStore", file) : "";
    return new DockerConfigFile(file, auths, helpers, store.isBlank() ? Optional.empty() : Optional.of(store));
  }

  private static JsonNode object(JsonNode root, String field, Path file) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return JSON.createObjectNode();
    }
    if (!n.isObject()) {
      throw new CredentialException("malformed docker config " + file + ": '" + field + "' must be an object");
    }
    return n;
  }

  private static String text(JsonNode n, String field, Path file) {
    if (n == null || n.isNull()) {
      return "";
    }
    if (!n.isTextual()) {
      throw new CredentialException("malformed docker config " + file + ": '" + field + "' must be a string");
    }
    return n.asText();
  }

  private static AuthEntry entry(String key, JsonNode n, Path file) {
    if (!n.isObject()) {
      throw new CredentialException("malformed docker config " + file + ": auths." + key + " must be an object");
    }
    String user = text(n.get("username"), "auths." + key + ".username", file);
    String password = text(n.get("password"), "auths." + key + ".password", file);
    String auth = text(n.get("auth"), "auths." + key + ".auth", file);
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new CredentialException("malformed docker config " + file + ": auths." + key
            + ".auth is not base64", e);
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new CredentialException("malformed docker config " + file + ": auths." + key
            + ".auth is not base64 of user:password");
      }
      user = decoded.substring(0, colon);
      password = decoded.substring(colon + 1);
    }
    return new AuthEntry(user, password, text(n.get("identitytoken"), "auths." + key + ".identitytoken", file));
  }
}
