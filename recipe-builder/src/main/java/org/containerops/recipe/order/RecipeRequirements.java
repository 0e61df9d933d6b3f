package org.containerops.recipe.order;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The package names a recipe provides and the names it requires, read from its {@code meta.yaml} for
 * build ordering, as bioconda-utils' {@code graph.build} uses them (nodes: the package name and the
 * outputs' names; edges from the top-level {@code requirements} {@code build}, {@code host} and
 * {@code run}, {@code bioconda_utils/graph.py:91-104}).
 *
 * <p>Upstream renders the recipe with conda-build. This reads it without conda-build: Jinja
 * {@code {% set name = "literal" %}} values are substituted into {@code {{ name }}} (filters
 * {@code lower}/{@code upper}); other Jinja expressions leave names that match nothing; {@code {% %}}
 * tags are dropped; a line with a {@code # [selector]} is dropped when the selector is false for a
 * Linux build of {@code subdir} (identifiers {@code linux}, {@code unix}, {@code osx}, {@code win},
 * {@code x86_64}, {@code aarch64}, {@code linux64}, {@code linux-64}, with {@code not}/{@code and}/
 * {@code or}); a selector it cannot evaluate keeps its line.
 *
 * @param recipeDir the recipe dir
 * @param provides package names, in file order; never empty
 * @param requires requirement names of build, host and run, in file order, without version specs
 */
public record RecipeRequirements(Path recipeDir, List<String> provides, List<String> requires) {
  private static final Pattern SET = Pattern.compile("\\{%-?\\s*set\\s+(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([\\w.]+))\\s*-?%\\}");
  private static final Pattern TAG = Pattern.compile("\\{%.*?%\\}", Pattern.DOTALL);
  private static final Pattern EXPR = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?\\}\\}");
  private static final Pattern VAR = Pattern.compile("(\\w+)((?:\\s*\\|\\s*(?:lower|upper))*)");
  private static final Pattern SELECTOR = Pattern.compile("\\s*#\\s*\\[([^\\[\\]]+)\\]\\s*$");
  private static final Pattern NAME_END = Pattern.compile("[\\s<>=!~,\\[]");
  private static final String UNRENDERED = "__unrendered__";

  /** Copies the lists. */
  public RecipeRequirements {
    provides = List.copyOf(provides);
    requires = List.copyOf(requires);
  }

  /**
   * Reads {@code <recipeDir>/meta.yaml}.
   *
   * @param subdir the target subdir, e.g. {@code linux-64}, for selectors
   * @throws IllegalArgumentException naming the file when it cannot be read or parsed, or has no
   *     {@code package/name}
   */
  public static RecipeRequirements read(Path recipeDir, String subdir) {
    Path meta = recipeDir.resolve("meta.yaml");
    Object doc;
    try {
      String text = selectLines(render(Files.readString(meta)), subdir);
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(50);
      options.setCodePointLimit(4 * 1024 * 1024);
      doc = new Yaml(new SafeConstructor(options)).load(text);
    } catch (IOException | YAMLException e) {
      throw new IllegalArgumentException(meta + ": cannot read it for the build order: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
    Map<?, ?> root = doc instanceof Map<?, ?> m ? m : Map.of();
    Set<String> provides = new LinkedHashSet<>();
    name(map(root.get("package")).get("name")).ifPresent(provides::add);
    if (provides.isEmpty()) {
      throw new IllegalArgumentException(meta + ": no package/name (needed for the build order)");
    }
    if (root.get("outputs") instanceof List<?> outputs) {
      outputs.forEach(o -> name(map(o).get("name")).ifPresent(provides::add));
    }
    Set<String> requires = new LinkedHashSet<>();
    Map<?, ?> reqs = map(root.get("requirements"));
    for (String section : List.of("build", "host", "run")) {
      if (reqs.get(section) instanceof List<?> list) {
        list.forEach(d -> name(d).ifPresent(requires::add));
      }
    }
    return new RecipeRequirements(recipeDir, new ArrayList<>(provides), new ArrayList<>(requires));
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  /** The name part of a requirement or name value: up to a space or version operator; empty when unrendered. */
  private static java.util.Optional<String> name(Object o) {
    if (o == null) {
      return java.util.Optional.empty();
    }
    String s = o.toString().strip();
    Matcher end = NAME_END.matcher(s);
    String n = end.find() ? s.substring(0, end.start()) : s;
    return n.isEmpty() || n.contains(UNRENDERED) ? java.util.Optional.empty() : java.util.Optional.of(n);
  }

  static String render(String text) {
    Map<String, String> vars = new LinkedHashMap<>();
    Matcher set = SET.matcher(text);
    while (set.find()) {
      String v = set.group(2) != null ? set.group(2) : set.group(3) != null ? set.group(3) : set.group(4);
      vars.put(set.group(1), v);
    }
    String noTags = TAG.matcher(text).replaceAll("");
    Matcher e = EXPR.matcher(noTags);
    StringBuilder out = new StringBuilder();
    while (e.find()) {
      Matcher v = VAR.matcher(e.group(1));
      String value = UNRENDERED;
      if (v.matches() && vars.containsKey(v.group(1))) {
        value = vars.get(v.group(1));
        if (v.group(2).contains("lower")) {
          value = value.toLowerCase(java.util.Locale.ROOT);
        } else if (v.group(2).contains("upper")) {
          value = value.toUpperCase(java.util.Locale.ROOT);
        }
      }
      e.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    e.appendTail(out);
    return out.toString();
  }

  static String selectLines(String text, String subdir) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      Matcher m = SELECTOR.matcher(line);
      if (m.find()) {
        Boolean keep = Selector.evaluate(m.group(1), subdir);
        if (Boolean.FALSE.equals(keep)) {
          continue;
        }
        line = line.substring(0, m.start());
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
