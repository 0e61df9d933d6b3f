package org.containerops.recipe.order;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Build order from the recipes' requirements, as bioconda-utils' {@code build_recipes} does (a DAG
 * over the recipes given, {@code bioconda_utils/graph.py:91-104}, then {@code nx.topological_sort},
 * {@code build.py:489-493}): a recipe comes after every other given recipe that provides a name in its
 * {@code build}/{@code host}/{@code run} requirements. Unlike networkx's order, recipes with no
 * dependency between them keep the order they were given in (stable: each step takes the first given
 * recipe whose dependencies are all placed). Requirements no given recipe provides are ignored (they
 * come from the channels); a recipe requiring its own name is not a cycle.
 */
public final class RecipeOrder {
  private RecipeOrder() {}

  /**
   * Sorts {@code items} by the requirements of their recipes.
   *
   * @param recipeOf the recipe's requirements of each item
   * @return the items in build order; the same items, each once
   * @throws IllegalArgumentException for a dependency cycle, naming it as
   *     {@code a -> b -> a} with the recipe dirs
   */
  public static <T> List<T> sort(List<T> items, Function<T, RecipeRequirements> recipeOf) {
    Map<T, RecipeRequirements> reqs = new LinkedHashMap<>();
    Map<String, T> provider = new HashMap<>();
    for (T item : items) {
      RecipeRequirements r = recipeOf.apply(item);
      reqs.put(item, r);
      r.provides().forEach(n -> provider.putIfAbsent(n, item));
    }
    Map<T, Set<T>> deps = new LinkedHashMap<>();
    for (T item : items) {
      Set<T> d = new LinkedHashSet<>();
      for (String name : reqs.get(item).requires()) {
        T p = provider.get(name);
        if (p != null && p != item) {
          d.add(p);
        }
      }
      deps.put(item, d);
    }
    List<T> out = new ArrayList<>();
    Set<T> placed = new LinkedHashSet<>();
    List<T> remaining = new ArrayList<>(items);
    while (!remaining.isEmpty()) {
      T next = remaining.stream().filter(i -> placed.containsAll(deps.get(i))).findFirst().orElse(null);
      if (next == null) {
        throw new IllegalArgumentException("dependency cycle between the recipes: " + cycle(remaining, deps, reqs));
      }
      remaining.remove(next);
      placed.add(next);
      out.add(next);
    }
    return out;
  }

  private static <T> String cycle(List<T> remaining, Map<T, Set<T>> deps, Map<T, RecipeRequirements> reqs) {
    // every remaining item waits for another remaining one: walk until an item repeats
    List<T> path = new ArrayList<>();
    T at = remaining.get(0);
    while (!path.contains(at)) {
      path.add(at);
      at = deps.get(at).stream().filter(remaining::contains).findFirst().orElseThrow();
    }
    List<T> loop = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
    loop.add(at);
    List<String> names = loop.stream().map(i -> reqs.get(i).provides().get(0)).toList();
    List<Path> dirs = loop.subList(0, loop.size() - 1).stream().map(i -> reqs.get(i).recipeDir()).toList();
    return String.join(" -> ", names) + " (recipes " + dirs.stream().map(Path::toString)
        .reduce((a, b) -> a + ", " + b).orElse("") + ")";
  }
}
