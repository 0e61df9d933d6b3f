package org.containerops.feedstock.recipe;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A v1 {@code recipe.yaml} (rattler-build's recipe format, conda CEP 13/14 and the staging-output
 * CEP) rendered for names, per variant:
 * <ol>
 *   <li>the namespace: the variant's keys, {@code target_platform}, {@code build_platform},
 *       {@code linux}/{@code osx}/{@code win}/{@code unix} and the arch names
 *       ({@link SelectorNamespace}), {@code env} ({@link RecipeEnvironment}, always empty);</li>
 *   <li>{@code context:} entries in order, each a {@code ${{ }}} template (or a selector) that may use
 *       the variant and the entries before it;</li>
 *   <li>{@code if:}/{@code then:}/{@code else:} selectors resolved everywhere ({@link V1Conditionals});</li>
 *   <li>names: with {@code outputs:}, every output carrying {@code package:} gives
 *       {@code package.name} unless its {@code build.skip} or the recipe's top-level
 *       {@code build.skip} holds (top-level keys are merged into every output); outputs carrying
 *       {@code staging:} (or the older {@code cache:}) are build stages, not packages, and give no
 *       name ({@code inherit:} only passes their build results and requirements on); a top-level
 *       {@code cache:} is a build stage too. Without {@code outputs:}, {@code package.name}.</li>
 * </ol>
 * Only the strings that decide names and skips are rendered ({@code context}, names,
 * {@code build.skip}, {@code extra.feedstock-name}, conditions), so a build script or a requirement
 * using a function this renderer does not know never fails a parse. {@code build.skip} is a boolean,
 * an expression, or a list of them (any true skips).
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
   * @param variant the variant's values (may be empty)
   * @param subdir the target subdir, e.g. {@code win-64}
   * @param buildSubdir the build subdir
   * @throws RecipeException naming the file for an expression error, or an output without a name
   */
  public RenderedRecipe render(Map<String, String> variant, String subdir, String buildSubdir) {
    Map<String, Object> ns = SelectorNamespace.of(variant, subdir, buildSubdir);
    ns.put("env", RecipeEnvironment.EMPTY);
    V1Conditionals conditionals = new V1Conditionals(c -> test(c, ns));
    if (raw.get("context") instanceof Map<?, ?> context) {
      context.forEach((k, v) -> {
        Object value = conditionals.resolve(v);
        ns.put(String.valueOf(k), value instanceof String s ? text(s, ns, "context." + k) : value);
      });
    }
    Map<?, ?> root = (Map<?, ?>) conditionals.resolve(withoutContext());
    boolean topSkipped = skipped(RecipeTree.at(root, List.of("build", "skip")), ns);
    Optional<String> top = name(RecipeTree.at(root, List.of("recipe", "name")), ns, "recipe.name")
        .or(() -> name(RecipeTree.at(root, List.of("package", "name")), ns, "package.name"));
    List<String> names = new ArrayList<>();
    if (root.get("outputs") instanceof List<?> outputs) {
      int index = 0;
      for (Object o : outputs) {
        index++;
        if (!(o instanceof Map<?, ?> out) || isBuildStage(out)) {
          continue;
        }
        String where = "outputs[" + index + "].package.name";
        String name = name(RecipeTree.at(out, List.of("package", "name")), ns, where).orElseThrow(
            () -> new RecipeException(file + ": output " + index(out, where) + " has neither package/name "
                + "nor staging/name"));
        if (!topSkipped && !skipped(RecipeTree.at(out, List.of("build", "skip")), ns)) {
          names.add(name);
        }
      }
    } else {
      String name = name(RecipeTree.at(root, List.of("package", "name")), ns, "package.name")
          .orElseThrow(() -> new RecipeException(file + ": no package/name and no outputs"));
      if (!topSkipped) {
        names.add(name);
      }
    }
    Optional<String> feedstock = name(RecipeTree.at(root, List.of("extra", "feedstock-name")), ns, "extra")
        .or(() -> name(RecipeTree.at(root, List.of("extra", "parent_recipe", "name")), ns, "extra"))
        .or(() -> top);
    return new RenderedRecipe(names, feedstock);
  }

  private Map<Object, Object> withoutContext() {
    Map<Object, Object> m = new java.util.LinkedHashMap<>(raw);
    m.remove("context");
    return m;
  }

  /** An output that is a build stage: {@code staging:} (rattler-build ≥ 0.45) or {@code cache:} (older). */
  static boolean isBuildStage(Map<?, ?> output) {
    return !output.containsKey("package") && (output.containsKey("staging") || output.containsKey("cache"));
  }

  private static String index(Map<?, ?> out, String where) {
    return where.substring(0, where.indexOf(']') + 1) + " (keys " + out.keySet() + ")";
  }

  private Optional<String> name(Object value, Map<String, Object> ns, String where) {
    if (value == null || value instanceof Map || value instanceof List) {
      return Optional.empty();
    }
    String s = value instanceof String str ? text(str, ns, where) : String.valueOf(value);
    return RecipeTree.text(s);
  }

  private String text(String s, Map<String, Object> ns, String where) {
    return s.contains("${{") ? jinja.render(s.replace("${{", "{{"), file + " " + where, ns).strip() : s;
  }

  private boolean skipped(Object v, Map<String, Object> ns) {
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(x -> skipped(x, ns));
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
