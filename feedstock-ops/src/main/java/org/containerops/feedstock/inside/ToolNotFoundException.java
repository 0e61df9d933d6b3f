package org.containerops.feedstock.inside;

/**
 * A tool an operation needs is not in this image. The host recognises the name of this class in
 * the container's {@code error} and reports {@code TOOL_MISSING}.
 */
public final class ToolNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param tool the program looked for; @param needs what provides it; @param variable the env override */
  public ToolNotFoundException(String tool, String needs, String variable) {
    super(tool + " not found on PATH in this image; needed for " + needs
        + " (feedstock-ops/docker/Dockerfile builds an image that has it; " + variable + " overrides the program)");
  }
}
