package org.containerops.runtime.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Credentials for one registry and where they came from.
 *
 * @param registry the normalized registry key ({@link RegistryKey#normalize})
 * @param username the user name; empty for an identity token without one
 * @param secret the password, or the identity token when {@code identityToken}; never printed
 * @param identityToken true when {@code secret} is an OAuth identity (refresh) token: docker config
 *     {@code identitytoken}, or a helper answering user name {@code <token>}
 * @param source where they were found, for messages, e.g. {@code /home/u/.docker/config.json (auths)} or
 *     {@code credential helper docker-credential-pass (credHelpers)}
 */
public record RegistryCredential(String registry, String username, String secret, boolean identityToken,
    String source) {
  /** @throws NullPointerException when a field is null */
  public RegistryCredential {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(source, "source");
  }

  /**
   * {@code Basic base64(username:password)} for HTTP basic auth.
   *
   * @throws IllegalStateException for an identity token, which must be exchanged at the token endpoint
   */
  public String basicAuthorization() {
    if (identityToken) {
      throw new IllegalStateException("credentials for " + registry + " from " + source
          + " are an identity token, not a password");
    }
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** The one-line error for a registry that answered 401/403 to these credentials; never the secret. */
  public String refusedMessage(String registryShown) {
    return "registry " + registryShown + " refused the credentials from " + source + " for "
        + (username.isEmpty() ? "(identity token)" : username);
  }

  /** Without the secret. */
  @Override
  public String toString() {
    return "RegistryCredential[" + registry + ", " + username + ", " + (identityToken ? "identity token" : "password")
        + " from " + source + "]";
  }
}
