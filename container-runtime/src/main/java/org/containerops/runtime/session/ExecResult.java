package org.containerops.runtime.session;

import java.nio.charset.StandardCharsets;

/**
 * What one command run in a {@link ContainerSession} produced.
 *
 * @param exitCode the command's exit code
 * @param stdout bytes written to stdout
 * @param stderr bytes written to stderr
 * @param output stdout and stderr merged in arrival order (docker-stacks' {@code DockerRunner} reads this)
 */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr, byte[] output) {
  /** stdout as UTF-8 text. */
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /** stderr as UTF-8 text. */
  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  /** The merged output as UTF-8 text. */
  public String outputText() {
    return new String(output, StandardCharsets.UTF_8);
  }
}
