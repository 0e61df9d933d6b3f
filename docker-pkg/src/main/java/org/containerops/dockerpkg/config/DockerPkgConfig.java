package org.containerops.dockerpkg.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The merged docker-pkg configuration (upstream cli.py:15-53): every key, built-in or custom, in
 * file order, with typed accessors for the keys docker-pkg itself reads. Every key is also a
 * template variable ({@link #values()}), so custom keys such as {@code seed_image} survive.
 *
 * <p>Immutable and deeply unmodifiable; YAML nulls stay Java {@code null} (Python {@code None}).
 * The constructor checks the types of the known keys and throws {@link IllegalArgumentException}
 * naming the key. {@link #toString()} never shows the password.
 *
 * @param values key to value; maps and lists inside are copied and made unmodifiable
 */
public record DockerPkgConfig(Map<String, Object> values) {

  /** Keys whose value must be a string (or null where upstream's default is None). */
  private static final List<String> STRING_KEYS = List.of("registry", "namespace", "apt_options",
      "fallback_author", "fallback_email", "distribution", "update_id", "verify_command", "network_mode");
  private static final List<String> NULLABLE_STRING_KEYS = List.of("username", "password",
      "http_proxy", "apt_only_proxy", "ca_bundle", "container_limits", "driver");

  public DockerPkgConfig {
    Objects.requireNonNull(values, "values");
    values = deepCopy(values);
    for (String key : STRING_KEYS) {
      if (values.containsKey(key) && !(values.get(key) instanceof String)) {
        throw new IllegalArgumentException(key + ": want a string, got " + describe(values.get(key)));
      }
    }
    for (String key : NULLABLE_STRING_KEYS) {
      Object v = values.get(key);
      if (v != null && !(v instanceof String)) {
        throw new IllegalArgumentException(key + ": want a string or null, got "
            + (key.equals("password") ? v.getClass().getSimpleName() + " (value hidden)" : describe(v)));
      }
    }
    Object workers = values.get("scan_workers");
    if (workers != null && !(workers instanceof Integer && (Integer) workers >= 1)) {
      throw new IllegalArgumentException("scan_workers: want an integer >= 1, got " + describe(workers));
    }
    for (String key : List.of("build_workers", "registry_timeout", "registry_max_manifest_bytes")) {
      Object n = values.get(key);
      if (n != null && !(n instanceof Integer && (Integer) n >= 1)) {
        throw new IllegalArgumentException(key + ": want an integer >= 1, got " + describe(n));
      }
    }
    for (String key : List.of("force_numeric_user", "verify_in_container")) {
      Object flag = values.get(key);
      if (flag != null && !(flag instanceof Boolean)) {
        throw new IllegalArgumentException(key + ": want true or false, got " + describe(flag));
      }
    }
    checkStringList(values, "base_images");
    checkStringList(values, "verify_args");
    Object uids = values.get("known_uid_mappings");
    if (uids != null) {
      if (!(uids instanceof Map)) {
        throw new IllegalArgumentException("known_uid_mappings: want a mapping of user to uid, got " + describe(uids));
      }
      for (Map.Entry<?, ?> e : ((Map<?, ?>) uids).entrySet()) {
        if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Integer)) {
          throw new IllegalArgumentException("known_uid_mappings: want user: integer uid, got "
              + e.getKey() + ": " + describe(e.getValue()));
        }
      }
    }
    String id = (String) values.get("update_id");
    if (id != null && !id.matches("[A-Za-z]*")) {
      throw new IllegalArgumentException("update_id: want letters only (or empty), got " + id);
    }
    ContainerLimits.parse((String) values.get("container_limits"));
  }

  /** @return the registry host, {@code ""} by default (cli.py:17) */
  public String registry() { return string("registry", ""); }

  /** @return the namespace, {@code ""} by default (cli.py:32) */
  public String namespace() { return string("namespace", ""); }

  /** @return the registry user, empty by default */
  public Optional<String> username() { return Optional.ofNullable((String) values.get("username")); }

  /** @return the registry password, empty by default; never logged */
  public Optional<String> password() { return Optional.ofNullable((String) values.get("password")); }

  /** @return the HTTP proxy for builds, empty by default */
  public Optional<String> httpProxy() { return Optional.ofNullable((String) values.get("http_proxy")); }

  /** @return the proxy apt filters write to 80_proxy; defaults to {@link #httpProxy()} (cli.py:152-154) */
  public Optional<String> aptOnlyProxy() { return Optional.ofNullable((String) values.get("apt_only_proxy")); }

  /** @return options inserted by {@code apt_install}, {@code ""} by default */
  public String aptOptions() { return string("apt_options", ""); }

  /** @return full labels of base images, config order, empty by default */
  @SuppressWarnings("unchecked")
  public List<String> baseImages() {
    return (List<String>) values.getOrDefault("base_images", List.of());
  }

  /** @return scan threads, 8 by default */
  public int scanWorkers() { return (Integer) values.getOrDefault("scan_workers", 8); }

  /** @return user name to uid, upstream default root/www-data/nobody */
  @SuppressWarnings("unchecked")
  public Map<String, Integer> knownUidMappings() {
    return (Map<String, Integer>) values.getOrDefault("known_uid_mappings", Map.of());
  }

  /** @return parsed {@code container_limits} ("k=v,…"), key order kept, empty when unset */
  public Map<String, String> containerLimits() {
    return ContainerLimits.parse((String) values.get("container_limits"));
  }

  /** @return the verification executable, {@code /bin/bash} by default */
  public String verifyCommand() { return string("verify_command", "/bin/bash"); }

  /** @return verification arguments with {@code {path}} and {@code {image}} placeholders */
  @SuppressWarnings("unchecked")
  public List<String> verifyArgs() { return (List<String>) values.getOrDefault("verify_args", List.of()); }

  /**
   * @return whether verification runs inside a locked-down container of the image instead of on
   *     the host ({@code verify_in_container}, ours; false unless set: upstream runs it on the host)
   */
  public boolean verifyInContainer() { return Boolean.TRUE.equals(values.get("verify_in_container")); }

  /**
   * @return network mode of build and verification containers (ours, not upstream's: docker-py
   *     used the engine default), {@code default} (the engine's bridge) unless set; {@code host}
   *     lets apt reach a mirror that only the host can
   */
  public String networkMode() { return string("network_mode", "default"); }

  /** @return how many images build at the same time (ours), 2 unless {@code build_workers} is set */
  public int buildWorkers() { return (Integer) values.getOrDefault("build_workers", 2); }

  /** @return timeout of each registry request, from {@code registry_timeout} seconds (ours), 10 s by default */
  public java.time.Duration registryTimeout() {
    return java.time.Duration.ofSeconds((Integer) values.getOrDefault("registry_timeout", 10));
  }

  /**
   * @return the largest manifest or token response read from a registry, in bytes, from
   *     {@code registry_max_manifest_bytes} (ours), 4 MiB by default; a longer body is an error
   */
  public long registryMaxManifestBytes() {
    return ((Integer) values.getOrDefault("registry_max_manifest_bytes", 4 << 20)).longValue();
  }

  /** @return {@code seed_image}: since upstream 4.0.0 only a template variable */
  public Optional<String> seedImage() {
    Object v = values.get("seed_image");
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  /** @return changelog author fallback, {@code Author} by default */
  public String fallbackAuthor() { return string("fallback_author", "Author"); }

  /** @return changelog email fallback, {@code email@domain} by default */
  public String fallbackEmail() { return string("fallback_email", "email@domain"); }

  /** @return distribution of new changelog entries, {@code wikimedia} by default */
  public String distribution() { return string("distribution", "wikimedia"); }

  /** @return letters of the version-bump suffix ({@code -s1}), {@code s} by default */
  public String updateId() { return string("update_id", "s"); }

  /** @return whether the last USER line must be numeric at build time */
  public boolean forceNumericUser() { return Boolean.TRUE.equals(values.get("force_numeric_user")); }

  private String string(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : (String) v;
  }

  /** Shows every key but masks {@code password}. */
  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>(values);
    if (shown.get("password") != null) {
      shown.put("password", "********");
    }
    return "DockerPkgConfig" + shown;
  }

  private static void checkStringList(Map<String, Object> values, String key) {
    Object v = values.get(key);
    if (v == null) {
      return;
    }
    if (!(v instanceof List) || ((List<?>) v).stream().anyMatch(e -> !(e instanceof String))) {
      throw new IllegalArgumentException(key + ": want a list of strings, got " + describe(v));
    }
  }

  private static String describe(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
  }

  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T value) {
    if (value instanceof Map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      ((Map<Object, Object>) value).forEach((k, v) -> copy.put(k, deepCopy(v)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) value).forEach(v -> copy.add(deepCopy(v)));
      return (T) Collections.unmodifiableList(copy);
    }
    return value;
  }
}
