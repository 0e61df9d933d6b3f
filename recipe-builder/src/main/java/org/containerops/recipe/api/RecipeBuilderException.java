package org.containerops.recipe.api;

/**
 * A recipe-builder operation failed. One unchecked exception with a {@link Reason}; the message is
 * one line with secrets (proxy passwords, sensitive env values) masked.
 */
public final class RecipeBuilderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why it failed. */
  public enum Reason {
    /** A template uses an unknown placeholder or has an unmatched brace. */
    TEMPLATE,
    /** Upper- and lower-case proxy variables with different values (upstream B2 raised even for equal ones). */
    PROXY_CONFLICT,
    /** The build image could not be built. */
    IMAGE_BUILD_FAILED,
    /** The run image is not present on the engine (nothing is pulled). */
    IMAGE_NOT_FOUND,
    /** The engine refused or failed a request. */
    ENGINE,
    /** Reading or writing the staging channel or a temp dir failed. */
    STAGING,
    /** A produced file is not a readable conda package. */
    BAD_PACKAGE,
    /** A {@code name=version--build} spec is malformed. */
    BAD_SPEC,
    /**
     * The image does not offer what the user mode needs: in {@code USER} mode, no conda for a non-root
     * user (not on the image's {@code PATH}, no {@code /opt/conda/etc/profile.d/conda.sh}, no
     * {@code /opt/conda/bin/conda}).
     */
    IMAGE_CONTRACT,
    /** The recipes' dependencies form a cycle, or a recipe's meta.yaml cannot be read for ordering. */
    RECIPE_ORDER,
    /** A recipe dir holds a symlink that leaves it. */
    UNSAFE_RECIPE
  }

  private final Reason reason;

  /** @param message one line, secrets already masked */
  public RecipeBuilderException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** @param message one line, secrets already masked */
  public RecipeBuilderException(Reason reason, String message) {
    this(reason, message, null);
  }

  /** Why it failed. */
  public Reason reason() {
    return reason;
  }
}
