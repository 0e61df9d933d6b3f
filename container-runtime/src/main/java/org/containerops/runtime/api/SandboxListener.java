package org.containerops.runtime.api;

/**
 * Live progress of a sandboxed run. Called from docker-java's stream thread: implementations must be
 * thread-safe and quick. Every method has a no-op default.
 */
public interface SandboxListener {
  /** A listener that ignores everything. */
  SandboxListener NONE = new SandboxListener() {};

  /**
   * One line the container wrote to stderr, without its line end, secrets masked.
   *
   * @param containerId the short (12-character) container id
   * @param line the line, decoded as UTF-8
   */
  default void stderrLine(String containerId, String line) {}
}
