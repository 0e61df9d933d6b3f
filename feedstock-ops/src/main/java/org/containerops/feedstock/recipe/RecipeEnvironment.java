package org.containerops.feedstock.recipe;

/**
 * rattler-build's {@code env} object in recipe expressions ({@code env.get("NAME", default="x")},
 * {@code env.exists("NAME")}). Names are parsed from the recipe alone, so the environment is always
 * empty: {@code get} gives its default (or empty text), {@code exists} is false. This keeps the
 * result the same on every machine, which matters because upstream renders inside a container whose
 * environment is not the caller's. Calls are answered by {@link PythonMethods}.
 */
final class RecipeEnvironment {
  /** The one (stateless) instance. */
  static final RecipeEnvironment EMPTY = new RecipeEnvironment();

  private RecipeEnvironment() {}

  @Override
  public String toString() {
    return "env";
  }
}
