package org.containerops.feedstock.recipe;

/** A recipe could not be read or rendered; the message names the file and, where known, the line. */
public final class RecipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message names the file and what is wrong */
  public RecipeException(String message) {
    super(message);
  }

  /** @param message names the file and what is wrong */
  public RecipeException(String message, Throwable cause) {
    super(message, cause);
  }
}
