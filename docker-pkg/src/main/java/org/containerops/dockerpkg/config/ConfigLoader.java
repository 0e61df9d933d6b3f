package org.containerops.dockerpkg.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Builds a {@link DockerPkgConfig} the way upstream cli.py:129-156 does: built-in defaults, then
 * a shallow merge of the user file ({@code $XDG_CONFIG_HOME/docker-pkg.yaml}, else
 * {@code ~/.config/docker-pkg.yaml}, only if it exists) and the local {@code --configfile}
 * (mandatory), the local file winning; nested maps are replaced, not merged. Finally
 * {@code apt_only_proxy} defaults to {@code http_proxy}. YAML is read with PyYAML (YAML 1.1)
 * semantics; an empty file is an empty mapping.
 */
public final class ConfigLoader {
  /** Upstream's defaults (cli.py:15-53), immutable; key order as upstream declares them. */
  public static final Map<String, Object> DEFAULTS = defaults();

  private final Map<String, String> env;
  private final Path home;

  /**
   * @param env environment variables to read {@code XDG_CONFIG_HOME} from
   * @param home the user's home directory, for {@code ~/.config}
   */
  public ConfigLoader(Map<String, String> env, Path home) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.home = Objects.requireNonNull(home, "home");
  }

  /** A loader for this process: {@link System#getenv()} and {@code user.home}. */
  public static ConfigLoader forCurrentUser() {
    return new ConfigLoader(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** @return the defaults alone, as if every file were empty */
  public static DockerPkgConfig defaultConfig() {
    return merge(Map.of(), Map.of());
  }

  /** @return where the user config is looked for; it need not exist */
  public Path userConfigFile() {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path dir = xdg == null || xdg.isEmpty() ? home.resolve(".config") : Path.of(xdg);
    return dir.resolve("docker-pkg.yaml");
  }

  /**
   * @param configFile the local config file, must exist
   * @return the merged config
   * @throws DockerPkgException reason CONFIG if {@code configFile} does not exist ("Config file X
   *     does not exist", as upstream), a file is not a YAML mapping, or a key has the wrong type
   */
  public DockerPkgConfig load(Path configFile) {
    Path user = userConfigFile();
    Map<String, Object> userValues = Files.isRegularFile(user) ? read(user) : Map.of();
    if (!Files.exists(configFile)) {
      throw new DockerPkgException(Reason.CONFIG, configFile, "Config file " + configFile + " does not exist");
    }
    Map<String, Object> local = read(configFile);
    try {
      return merge(userValues, local);
    } catch (IllegalArgumentException e) {
      throw new DockerPkgException(Reason.CONFIG, configFile, "bad configuration: " + e.getMessage(), e);
    }
  }

  /**
   * Merges without files: defaults, then {@code user}, then {@code local} (shallow).
   *
   * @throws IllegalArgumentException naming the key whose value has the wrong type
   */
  public static DockerPkgConfig merge(Map<String, Object> user, Map<String, Object> local) {
    Map<String, Object> merged = new LinkedHashMap<>(DEFAULTS);
    merged.putAll(user);
    merged.putAll(local);
    if (merged.get("http_proxy") != null && merged.get("apt_only_proxy") == null) {
      merged.put("apt_only_proxy", merged.get("http_proxy"));
    }
    return new DockerPkgConfig(merged);
  }

  /**
   * Reads one YAML file.
   *
   * @return its top-level mapping, empty for an empty file
   * @throws DockerPkgException reason CONFIG naming the file if unreadable, not YAML or not a mapping
   */
  public static Map<String, Object> read(Path file) {
    LoaderOptions options = new LoaderOptions();
    Object doc;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      doc = new Yaml(new SafeConstructor(options)).load(in);
    } catch (IOException | RuntimeException e) {
      throw new DockerPkgException(Reason.CONFIG, file, "cannot read config file " + file + ": "
          + firstLine(e.getMessage()), e);
    }
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map)) {
      throw new DockerPkgException(Reason.CONFIG, file, "config file " + file + ": want a mapping at the top level");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) doc).entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("registry", "");
    d.put("username", null);
    d.put("password", null);
    d.put("base_images", List.of());
    d.put("apt_options", "");
    d.put("http_proxy", null);
    d.put("apt_only_proxy", null);
    d.put("namespace", "");
    d.put("scan_workers", 8);
    d.put("fallback_author", "Author");
    d.put("fallback_email", "email@domain");
    d.put("distribution", "wikimedia");
    d.put("update_id", "s");
    d.put("ca_bundle", null);
    d.put("force_numeric_user", false);
    Map<String, Object> uids = new LinkedHashMap<>();
    uids.put("root", 0);
    uids.put("www-data", 33);
    uids.put("nobody", 65534);
    d.put("known_uid_mappings", Collections.unmodifiableMap(uids));
    d.put("verify_command", "/bin/bash");
    d.put("verify_args", List.of("-c", "{path}/test.sh {image}"));
    return Collections.unmodifiableMap(d);
  }
}
