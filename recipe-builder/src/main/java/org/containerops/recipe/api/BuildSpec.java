package org.containerops.recipe.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One recipe to build; upstream {@code RecipeBuilder.build_recipe(recipe_dir, build_args, env, noarch)}
 * ({@code bioconda_utils/docker_utils.py:417-504}). The environment passed into the container is the
 * builder's (see {@link BuilderSpec#environment()}); per-recipe extras go in {@code extraBuildArgs}.
 *
 * @param recipeDir the recipe directory holding {@code meta.yaml}; absolute, normalized
 * @param extraBuildArgs build arguments appended after the builder's, each one shell-quoted when rendered
 * @param noarch renders {@code {arch}} as {@code noarch} (upstream's flag; routing reads each package's own subdir)
 */
public record BuildSpec(Path recipeDir, List<String> extraBuildArgs, boolean noarch) {
  /** @throws IllegalArgumentException when the recipe dir or its meta.yaml does not exist */
  public BuildSpec {
    recipeDir = recipeDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(recipeDir)) {
      throw new IllegalArgumentException("recipe: not a directory: " + recipeDir);
    }
    if (!Files.isRegularFile(recipeDir.resolve("meta.yaml"))) {
      throw new IllegalArgumentException("recipe: no meta.yaml in " + recipeDir);
    }
    extraBuildArgs = List.copyOf(extraBuildArgs);
  }

  /** A recipe with no extra build arguments, not noarch. */
  public static BuildSpec of(Path recipeDir) {
    return new BuildSpec(recipeDir, List.of(), false);
  }
}
