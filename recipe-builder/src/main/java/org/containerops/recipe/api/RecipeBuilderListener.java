package org.containerops.recipe.api;

import java.time.Duration;

/**
 * Live progress of a {@link org.containerops.recipe.RecipeBuilder}. Called from the calling thread and
 * from docker-java's stream thread: implementations must be thread-safe and quick. Every method has a
 * no-op default. Every text passed here is already masked (proxy passwords, sensitive env values).
 */
public interface RecipeBuilderListener {
  /** A listener that ignores everything. */
  RecipeBuilderListener NONE = new RecipeBuilderListener() {};

  /** The build image {@code tag} is being built (upstream logs {@code DOCKER: Building image}). */
  default void imageBuilding(String tag) {}

  /**
   * The build image is ready.
   *
   * @param reused true when an image with the same content tag was already present and nothing was built
   * @param took time spent building (near zero when reused)
   */
  default void imageReady(String tag, boolean reused, Duration took) {}

  /** A recipe's build starts; {@code command} is the masked build command. */
  default void recipeStarted(BuildSpec spec, String command) {}

  /** One line of the build container's output (stdout or stderr), without its line end. */
  default void logLine(BuildSpec spec, String line) {}

  /** A recipe's build ended (built or not). */
  default void recipeFinished(BuildResult result) {}

  /** Something went wrong that does not fail the operation (e.g. an image that could not be removed). */
  default void warning(String message) {}
}
