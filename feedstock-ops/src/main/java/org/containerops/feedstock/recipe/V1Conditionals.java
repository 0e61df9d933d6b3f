package org.containerops.feedstock.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Resolves rattler-build's {@code if:}/{@code then:}/{@code else:} selectors in a parsed v1 recipe
 * tree, at any depth, leaving every other value (and every {@code ${{ }}} string) as it is:
 * <ul>
 *   <li>in a list, an item {@code {if: c, then: x[, else: y]}} is replaced by the chosen branch; a
 *       branch that is a list is spliced in item by item (and resolved again, so selectors nest);
 *       no {@code else} and a false condition removes the item;</li>
 *   <li>as a mapping value ({@code skip: {if: win, then: true}}) it is replaced by the chosen
 *       branch; the key is dropped when no branch applies.</li>
 * </ul>
 * A mapping is a selector when it has {@code if} and {@code then} and no other key than
 * {@code else} (rattler-build's {@code recipe/custom_yaml} conditional). Conditions are evaluated by
 * the given predicate.
 */
final class V1Conditionals {
  private final Predicate<Object> condition;

  /** @param condition decides an {@code if:} value (an expression, possibly in {@code ${{ }}}) */
  V1Conditionals(Predicate<Object> condition) {
    this.condition = condition;
  }

  /** The tree with every selector resolved; a new tree, the input is not changed. */
  Object resolve(Object node) {
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        splice(item, out);
      }
      return out;
    }
    if (node instanceof Map<?, ?> map) {
      if (isSelector(map)) {
        Object branch = branch(map);
        return branch == null ? null : resolve(branch);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        boolean dropped = v instanceof Map<?, ?> m && isSelector(m) && branch(m) == null;
        if (!dropped) {
          out.put(k, resolve(v));
        }
      });
      return out;
    }
    return node;
  }

  private void splice(Object item, List<Object> out) {
    if (item instanceof Map<?, ?> m && isSelector(m)) {
      Object branch = branch(m);
      if (branch instanceof List<?> l) {
        for (Object x : l) {
          splice(x, out);
        }
      } else if (branch != null) {
        splice(branch, out);
      }
    } else {
      out.add(resolve(item));
    }
  }

  private Object branch(Map<?, ?> selector) {
    return condition.test(selector.get("if")) ? selector.get("then") : selector.get("else");
  }

  static boolean isSelector(Map<?, ?> m) {
    if (!m.containsKey("if") || !m.containsKey("then")) {
      return false;
    }
    for (Object k : m.keySet()) {
      if (!"if".equals(k) && !"then".equals(k) && !"else".equals(k)) {
        return false;
      }
    }
    return true;
  }
}
