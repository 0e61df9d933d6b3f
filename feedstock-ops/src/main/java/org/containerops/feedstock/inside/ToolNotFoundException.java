package org.containerops.feedstock.inside;

/**
 * A tool an operation needs is not in this image. The host recognises the name of this class in
 * the container's {@code error} and reports {@code TOOL_MISSING}.
 */
public final class ToolNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private ToolNotFoundException(String message) {
    super(message);
  }

  /**
   * A bridge script's python could not import a module (the script exits {@value PythonBridge#MISSING_MODULE_EXIT}).
   *
   * @param python the python program run; @param needs what provides the module; @param variable the env override
   */
  static ToolNotFoundException missingModule(String python, String needs, String variable, String detail) {
    return new ToolNotFoundException(python + " in this image cannot import what " + needs + " needs (" + detail
        + "); an image built FROM feedstock-ops/docker/Dockerfile with conda-smithy installed has it; " + variable
        + " overrides the python program");
  }

  /** @param tool the program looked for; @param needs what provides it; @param variable the env override */
  public ToolNotFoundException(String tool, String needs, String variable) {
    super(tool + " not found on PATH in this image; needed for " + needs
        + " (feedstock-ops/docker/Dockerfile builds an image that has it; " + variable + " overrides the program)");
  }
}
