package org.containerops.feedstock.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads names and skips from a parsed (v0 or v1) recipe tree; shared by both recipe formats. */
final class RecipeTree {
  private RecipeTree() {}

  /**
   * @param root the recipe mapping
   * @param outputNameKeys the path of an output's name inside an output ({@code name} for v0,
   *     {@code package/name} for v1)
   * @param topNameKeys the path of the top-level name ({@code package/name}; v1 multi-output
   *     recipes use {@code recipe/name})
   */
  static RenderedRecipe read(Map<?, ?> root, String where, List<String> outputNameKeys, List<List<String>> topNameKeys) {
    Optional<String> found = Optional.empty();
    for (List<String> keys : topNameKeys) {
      found = text(at(root, keys));
      if (found.isPresent()) {
        break;
      }
    }
    Optional<String> top = found;
    boolean topSkipped = truthy(at(root, List.of("build", "skip")));
    List<String> names = new ArrayList<>();
    Object outputs = root.get("outputs");
    if (outputs instanceof List<?> list && !list.isEmpty()) {
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> out)) {
          continue;
        }
        String name = text(at(out, outputNameKeys)).orElseThrow(
            () -> new RecipeException(where + ": an output has no " + String.join("/", outputNameKeys)));
        if (!topSkipped && !truthy(at(out, List.of("build", "skip")))) {
          names.add(name);
        }
      }
    } else {
      String name = top.orElseThrow(() -> new RecipeException(where + ": no package name"));
      if (!topSkipped) {
        names.add(name);
      }
    }
    Optional<String> feedstock = text(at(root, List.of("extra", "feedstock-name")))
        .or(() -> text(at(root, List.of("extra", "parent_recipe", "name"))))
        .or(() -> top);
    return new RenderedRecipe(names, feedstock);
  }

  static Object at(Object node, List<String> keys) {
    Object cur = node;
    for (String k : keys) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(k);
    }
    return cur;
  }

  static Optional<String> text(Object v) {
    if (v == null || v instanceof Map || v instanceof List) {
      return Optional.empty();
    }
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** Python truth of a YAML value: {@code true}, non-zero numbers, non-empty lists, {@code "true"}. */
  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(RecipeTree::truthy);
    }
    String s = String.valueOf(v).strip().toLowerCase(java.util.Locale.ROOT);
    return s.equals("true") || s.equals("yes") || s.equals("1");
  }
}
