package org.containerops.runtime.testing;

/**
 * Images that {@code scripts/setup} builds locally for the tests (nothing can be pulled). Their
 * Dockerfiles live under {@code <module>/src/test/images/<name>/}; setup tags them
 * {@code containerops/test-<name>:latest}.
 */
public final class TestImages {
  /** Debian bookworm minbase from debootstrap, runs as root. */
  public static final String BASE = "containerops/debian:bookworm";
  /** {@link #BASE} with non-root {@code USER sandbox} (uid 1000). */
  public static final String SANDBOX = "containerops/test-sandbox:latest";
  /** {@link #BASE} with Debian's OpenJDK 17 JRE and non-root {@code USER app} (uid 1000). */
  public static final String JRE = "containerops/test-jre:latest";

  private TestImages() {}
}
