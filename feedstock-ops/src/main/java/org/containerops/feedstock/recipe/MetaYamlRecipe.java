package org.containerops.feedstock.recipe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A v0 {@code meta.yaml} recipe rendered as conda-build does for names ({@code finalize=False}):
 * Jinja over the whole file with the variant's names, then {@code # [selector]} lines dropped when
 * their selector is false ({@code conda_build/metadata.py} {@code select_lines}), then YAML.
 */
public final class MetaYamlRecipe {
  /** A line ending in a comment with a {@code [selector]}; group 1 the content, group 2 the selector. */
  private static final Pattern SELECTOR = Pattern.compile("^(.*?)\\s*#[^\\[]*\\[([^\\[\\]]+)\\]\\s*$");

  private final Path file;
  private final String source;
  private final JinjaRenderer jinja;

  private MetaYamlRecipe(Path file, String source, JinjaRenderer jinja) {
    this.file = file;
    this.source = source;
    this.jinja = jinja;
  }

  /**
   * @throws RecipeException when the file cannot be read
   */
  public static MetaYamlRecipe load(Path file) {
    return load(file, new JinjaRenderer());
  }

  static MetaYamlRecipe load(Path file, JinjaRenderer jinja) {
    try {
      return new MetaYamlRecipe(file, Files.readString(file, StandardCharsets.UTF_8), jinja);
    } catch (IOException e) {
      throw new RecipeException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Renders the recipe for one variant.
   *
   * @param variant the variant's values
   * @param subdir the target subdir
   * @param buildSubdir the build subdir
   * @throws RecipeException naming the file for a Jinja, selector or YAML error
   */
  public RenderedRecipe render(Map<String, String> variant, String subdir, String buildSubdir) {
    Map<String, Object> ns = SelectorNamespace.of(variant, subdir, buildSubdir);
    String rendered = jinja.render(source, file.toString(), ns);
    String selected = selectLines(rendered, ns);
    Object doc;
    try {
      doc = new Yaml(new LoaderOptions()).load(selected);
    } catch (RuntimeException e) {
      throw new RecipeException("cannot parse " + file + " rendered for " + subdir + " as YAML: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (!(doc instanceof Map<?, ?> root)) {
      throw new RecipeException(file + " rendered for " + subdir + " is not a YAML mapping");
    }
    return RecipeTree.read(root, file.toString(), List.of("name"), List.of(List.of("package", "name")));
  }

  /** Drops lines whose selector is false and strips the selector comment from the others. */
  String selectLines(String text, Map<String, Object> ns) {
    StringBuilder out = new StringBuilder(text.length());
    Map<String, Boolean> seen = new java.util.HashMap<>();  // a recipe repeats few distinct selectors
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher m = SELECTOR.matcher(line);
      if (m.matches() && !line.stripLeading().startsWith("#")) {
        String selector = m.group(2).strip();
        String where = file + ":" + (i + 1) + " selector [" + selector + "]";
        if (seen.computeIfAbsent(selector, k -> jinja.test(k, where, ns))) {
          out.append(m.group(1));
        }
      } else {
        out.append(line);
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
