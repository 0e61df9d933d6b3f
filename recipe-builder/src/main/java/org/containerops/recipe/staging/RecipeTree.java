package org.containerops.recipe.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.runtime.paths.ConfinedPath;

/**
 * The recipe dir as the builder mounts and reads it (issue 17 §3): every symbolic link in the tree
 * must point inside the recipe dir (its real path), checked on the host before the recipe is read for
 * ordering or mounted. A link that leaves the tree (absolute, {@code ..} out, or through another link)
 * or dangles outside it is refused with the link and its target named; links are never followed out
 * of the tree. The recipe dir itself may be a link (its real path is what is mounted).
 */
public final class RecipeTree {
  private RecipeTree() {}

  /**
   * Checks the tree under {@code recipeDir}.
   *
   * @return the recipe dir's real path (mount this)
   * @throws RecipeBuilderException {@link Reason#UNSAFE_RECIPE} naming the first link that leaves the
   *     tree; {@link Reason#STAGING} when the tree cannot be read
   */
  public static Path check(Path recipeDir) {
    Path root;
    List<Path> links;
    try {
      root = recipeDir.toRealPath();
      try (Stream<Path> s = Files.walk(root)) {
        links = s.filter(Files::isSymbolicLink).sorted().toList();
      }
    } catch (IOException | UncheckedIOException e) {
      throw new RecipeBuilderException(Reason.STAGING, "cannot read the recipe dir " + recipeDir + ": " + e.getMessage(), e);
    }
    for (Path link : links) {
      String target = "?";
      try {
        target = Files.readSymbolicLink(link).toString();
        Path lexical = link.getParent().resolve(target).normalize();
        if (!lexical.equals(root)) {
          ConfinedPath.resolve(root, root.relativize(lexical).toString());
        }
        if (Files.exists(link)) {
          ConfinedPath.requireInside(root, link);
        }
      } catch (IllegalArgumentException | IOException | UncheckedIOException e) { // incl. UnsafePathException
        throw new RecipeBuilderException(Reason.UNSAFE_RECIPE, "recipe " + recipeDir + ": the symlink "
            + root.relativize(link) + " -> " + target + " leaves the recipe dir; refused (replace it by the file"
            + " or point it inside the recipe)", e);
      }
    }
    return root;
  }
}
