package org.containerops.runtime.credentials;

/**
 * Credentials could not be resolved or were refused: a malformed docker config file (the message names the
 * file and the JSON line/column), a credential helper that is missing, fails or times out, or a registry that
 * refused them. Messages never contain a password, token or secret.
 */
public final class CredentialException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line, without secrets */
  public CredentialException(String message) {
    super(message);
  }

  /** @param message one line, without secrets; @param cause the underlying failure */
  public CredentialException(String message, Throwable cause) {
    super(message, cause);
  }
}
