package org.containerops.feedstock.recipe;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A v1 {@code recipe.yaml} (rattler-build) rendered for names: YAML first, then the {@code context}
 * entries evaluated in order, {@code ${{ expr }}} strings rendered, list items of the form
 * {@code {if: cond, then: x[, else: y]}} replaced by the chosen branch, and {@code build.skip}
 * (a boolean, an expression or a list of expressions, any true) evaluated.
 */
public final class V1Recipe {
  private final Path file;
  private final Map<?, ?> raw;
  private final JinjaRenderer jinja;

  private V1Recipe(Path file, Map<?, ?> raw, JinjaRenderer jinja) {
    this.file = file;
    this.raw = raw;
    this.jinja = jinja;
  }

  /** @throws RecipeException when the file cannot be read or is not a YAML mapping */
  public static V1Recipe load(Path file) {
    return load(file, new JinjaRenderer());
  }

  static V1Recipe load(Path file, JinjaRenderer jinja) {
    Object doc;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      doc = new Yaml(new LoaderOptions()).load(r);
    } catch (IOException | RuntimeException e) {
      throw new RecipeException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!(doc instanceof Map<?, ?> m)) {
      throw new RecipeException(file + " is not a YAML mapping");
    }
    return new V1Recipe(file, m, jinja);
  }

  /**
   * @throws RecipeException naming the file for an expression error or a missing name
   */
  public RenderedRecipe render(Map<String, String> variant, String subdir, String buildSubdir) {
    Map<String, Object> ns = SelectorNamespace.of(variant, subdir, buildSubdir);
    if (raw.get("context") instanceof Map<?, ?> context) {
      context.forEach((k, v) -> ns.put(String.valueOf(k), resolve(v, ns, false)));
    }
    Map<Object, Object> root = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      if (!"context".equals(k)) {
        root.put(k, resolve(v, ns, false));
      }
    });
    return RecipeTree.read(root, file.toString(), List.of("package", "name"),
        List.of(List.of("package", "name"), List.of("recipe", "name")));
  }

  private Object resolve(Object node, Map<String, Object> ns, boolean underBuild) {
    if (node instanceof String s) {
      return s.contains("${{") ? jinja.render(s.replace("${{", "{{"), file.toString(), ns).strip() : s;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        if (item instanceof Map<?, ?> m && m.containsKey("if") && m.containsKey("then")) {
          Object branch = test(m.get("if"), ns) ? m.get("then") : m.get("else");
          if (branch instanceof List<?> l) {
            l.forEach(x -> out.add(resolve(x, ns, false)));
          } else if (branch != null) {
            out.add(resolve(branch, ns, false));
          }
        } else {
          out.add(resolve(item, ns, false));
        }
      }
      return out;
    }
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (underBuild && "skip".equals(k)) {
          out.put(k, skip(v, ns));
        } else {
          out.put(k, resolve(v, ns, "build".equals(k)));
        }
      });
      return out;
    }
    return node;
  }

  private boolean skip(Object v, Map<String, Object> ns) {
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(x -> skip(x, ns));
    }
    return v instanceof String ? test(v, ns) : RecipeTree.truthy(v);
  }

  private boolean test(Object condition, Map<String, Object> ns) {
    if (!(condition instanceof String s)) {
      return RecipeTree.truthy(condition);
    }
    String expr = s.strip();
    if (expr.startsWith("${{") && expr.endsWith("}}")) {
      expr = expr.substring(3, expr.length() - 2).strip();
    }
    return jinja.test(expr, file + " condition '" + s + "'", ns);
  }
}
