package org.containerops.runtime.credentials;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registry credentials exactly where docker looks for them, one implementation for every tool (issue 18 §1):
 *
 * <ol>
 *   <li>the config file: {@code $DOCKER_CONFIG/config.json}, else {@code $HOME/.docker/config.json} (the
 *       environment's {@code HOME}, not Java's {@code user.home}); none when neither is set or the file is
 *       missing;</li>
 *   <li>{@code credHelpers[registry]}: run {@code docker-credential-<helper> get};</li>
 *   <li>else {@code credsStore}: the same with the default helper;</li>
 *   <li>{@code auths[registry]}: {@code auth} (base64 {@code user:password}) or {@code username}/{@code password},
 *       or {@code identitytoken}. Docker reads {@code auths} only when no helper applies; we also read it when the
 *       helper has nothing for the registry.</li>
 * </ol>
 *
 * <p>Registry names are normalized on both sides ({@link RegistryKey}), as docker's {@code GetAuthConfig}
 * does. Tool-specific sources ({@code ORAS_USER}/{@code ORAS_PASS}, docker-pkg's {@code config.yaml}) are the
 * tools' own and come before this. Thread-safe; reads the file on each call.
 */
public final class CredentialResolver {
  /** How long a credential helper may take. */
  public static final Duration DEFAULT_HELPER_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, String> env;
  private final Duration helperTimeout;

  /**
   * @param env the environment to read {@code DOCKER_CONFIG}, {@code HOME} and {@code PATH} from, and to run
   *     helpers with
   * @param helperTimeout how long a helper may take; positive
   */
  public CredentialResolver(Map<String, String> env, Duration helperTimeout) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    if (helperTimeout.isNegative() || helperTimeout.isZero()) {
      throw new IllegalArgumentException("helperTimeout: must be positive");
    }
    this.helperTimeout = helperTimeout;
  }

  /** A resolver on this process's environment and {@link #DEFAULT_HELPER_TIMEOUT}. */
  public static CredentialResolver fromEnvironment() {
    return new CredentialResolver(System.getenv(), DEFAULT_HELPER_TIMEOUT);
  }

  /** The config file looked up: {@code $DOCKER_CONFIG/config.json}, else {@code $HOME/.docker/config.json}. */
  public Optional<Path> configFile() {
    String dockerConfig = env.get("DOCKER_CONFIG");
    if (dockerConfig != null && !dockerConfig.isBlank()) {
      return Optional.of(Path.of(dockerConfig, "config.json"));
    }
    String home = env.get("HOME");
    return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".docker", "config.json"));
  }

  /**
   * The credentials for {@code registry}, or empty for anonymous access.
   *
   * @param registry a host, {@code host:port} or URL; Docker Hub under any of its names
   * @throws CredentialException when the config file is malformed or a helper fails or times out
   */
  public Optional<RegistryCredential> resolve(String registry) {
    String key = RegistryKey.normalize(registry);
    Optional<Path> file = configFile();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    DockerConfigFile config = DockerConfigFile.read(file.get());
    Optional<String> helper = config.credHelpers().entrySet().stream()
        .filter(e -> RegistryKey.normalize(e.getKey()).equals(key)).map(Map.Entry::getValue).findFirst();
    String source = helper.isPresent() ? "credHelpers" : "credsStore";
    Optional<String> name = helper.isPresent() ? helper : config.credsStore();
    if (name.isPresent()) {
      CredentialHelper h = new CredentialHelper(name.get(), env, helperTimeout);
      Optional<String[]> got = h.get(key);
      if (got.isPresent()) {
        String user = got.get()[0];
        boolean token = "<token>".equals(user);
        return Optional.of(new RegistryCredential(key, token ? "" : user, got.get()[1], token,
            "credential helper " + h.program() + " (" + source + " in " + file.get() + ")"));
      }
    }
    return auths(config, key);
  }

  private static Optional<RegistryCredential> auths(DockerConfigFile config, String key) {
    DockerConfigFile.AuthEntry entry = config.auths().get(key);
    if (entry == null) {
      entry = config.auths().entrySet().stream().filter(e -> RegistryKey.normalize(e.getKey()).equals(key))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }
    if (entry == null) {
      return Optional.empty();
    }
    String source = config.file() + " (auths)";
    if (!entry.identityToken().isEmpty()) {
      return Optional.of(new RegistryCredential(key, entry.username(), entry.identityToken(), true, source));
    }
    if (entry.username().isEmpty() && entry.password().isEmpty()) {
      return Optional.empty(); // docker login with a store leaves an empty entry behind
    }
    return Optional.of(new RegistryCredential(key, entry.username(), entry.password(), false, source));
  }

  /**
   * The one-line error for a registry that wants credentials when none were found: says where they were
   * looked up.
   */
  public String anonymousRefusedMessage(String registry) {
    return "registry " + registry + " requires credentials and none were found for "
        + RegistryKey.normalize(registry) + " in " + configFile().map(Path::toString)
            .orElse("$DOCKER_CONFIG/config.json or $HOME/.docker/config.json (neither is set)")
        + " (credHelpers, credsStore, auths): run docker login " + registry + " or set DOCKER_CONFIG";
  }
}
