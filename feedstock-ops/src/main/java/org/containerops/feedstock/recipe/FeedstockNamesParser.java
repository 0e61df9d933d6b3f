package org.containerops.feedstock.recipe;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Native {@code parse-package-and-feedstock-names}, needing no conda
 * ({@code conda_forge_feedstock_ops/parse_package_and_feedstock_names.py:96-209}): the variant files
 * in {@code .ci_support/*.yaml} are grouped by their first two {@code _}-parts; the recipe
 * ({@code recipe/meta.yaml}, or {@code recipe/recipe.yaml} when {@code conda-forge.yml} says
 * {@code conda_build_tool: rattler-build} or there is no {@code meta.yaml}) is rendered for every
 * variant; the names of outputs not skipped, and the subdirs of variants that build something, are
 * collected. The feedstock name comes from a default render (linux-64, no variant), as conda-smithy's
 * {@code get_feedstock_name_from_meta(MetaData(recipe_dir))} does. No variant files gives empty sets,
 * as upstream ({@link #warnings} says so). Thread-safe (no shared state).
 */
public final class FeedstockNamesParser {
  private FeedstockNamesParser() {}

  /**
   * @param feedstockDir the feedstock root (holding {@code recipe/} and {@code .ci_support/})
   * @throws RecipeException naming the file when there is no recipe or it cannot be rendered
   */
  public static ParsedNames parse(Path feedstockDir) {
    Path recipeDir = feedstockDir.resolve("recipe");
    Map<?, ?> forgeConfig = readForgeConfig(feedstockDir.resolve("conda-forge.yml"));
    Renderer recipe = recipe(feedstockDir, recipeDir, "rattler-build".equals(forgeConfig.get("conda_build_tool")));
    Map<?, ?> buildPlatforms = forgeConfig.get("build_platform") instanceof Map<?, ?> m ? m : Map.of();

    Map<String, List<Variant>> groups = new TreeMap<>();
    for (Path f : variantFiles(feedstockDir.resolve(".ci_support"))) {
      groups.computeIfAbsent(Variant.platformArch(f.getFileName().toString()), k -> new ArrayList<>())
          .add(Variant.load(f));
    }
    Set<String> names = new TreeSet<>();
    Set<String> subdirs = new TreeSet<>();
    for (List<Variant> group : groups.values()) {
      for (Variant v : group) {
        String build = buildSubdir(buildPlatforms, v.subdir());
        List<String> built = recipe.render(v.values(), v.subdir(), build).packageNames();
        names.addAll(built);
        if (!built.isEmpty()) {
          subdirs.add(v.subdir());
        }
      }
    }
    String feedstockName = recipe.render(Map.of(), "linux-64", "linux-64").feedstockName()
        .orElseThrow(() -> new RecipeException(recipeDir + ": cannot tell the feedstock name "
            + "(no extra.feedstock-name, extra.parent_recipe.name or package name)"));
    return ParsedNames.of(feedstockName, names, subdirs);
  }

  /**
   * What a caller should tell the user about a feedstock before trusting an empty result: a feedstock
   * without {@code .ci_support/*.yaml} variant files (never rendered, or a {@code .keepme} only) gives
   * empty {@code package_names} and {@code subdirs}, as upstream, which says nothing.
   *
   * @param feedstockDir the feedstock root
   * @return one line per problem, naming the directory; empty when variant files exist or
   *     {@code feedstockDir} is not a directory (that is an error, reported by {@link #parse})
   */
  public static List<String> warnings(Path feedstockDir) {
    if (!Files.isDirectory(feedstockDir)) {
      return List.of();
    }
    Path ciSupport = feedstockDir.resolve(".ci_support");
    if (!Files.isDirectory(ciSupport)) {
      return List.of(feedstockDir + " has no .ci_support directory: package_names and subdirs are empty "
          + "(conda-smithy rerender creates the variant files)");
    }
    if (variantFiles(ciSupport).isEmpty()) {
      return List.of(ciSupport + " has no variant files (*.yaml): package_names and subdirs are empty "
          + "(conda-smithy rerender creates them)");
    }
    return List.of();
  }

  /** Renders a recipe for one variant. */
  @FunctionalInterface
  private interface Renderer {
    RenderedRecipe render(Map<String, String> variant, String subdir, String buildSubdir);
  }

  private static Renderer recipe(Path feedstockDir, Path recipeDir, boolean rattlerBuild) {
    Path meta = recipeDir.resolve("meta.yaml");
    Path v1 = recipeDir.resolve("recipe.yaml");
    if (Files.isRegularFile(v1) && (rattlerBuild || !Files.isRegularFile(meta))) {
      return V1Recipe.load(inside(feedstockDir, v1))::render;
    }
    if (Files.isRegularFile(meta)) {
      return MetaYamlRecipe.load(inside(feedstockDir, meta))::render;
    }
    throw new RecipeException("no recipe: neither " + meta + " nor " + v1 + " exists");
  }

  /** The file, refused when a symbolic link takes it outside the feedstock (issue 17 §3). */
  private static Path inside(Path feedstockDir, Path file) {
    try {
      ConfinedPath.requireInside(feedstockDir, file);
      return file;
    } catch (UnsafePathException e) {
      throw new RecipeException(file + " is a symbolic link that leaves the feedstock: " + e.getMessage(), e);
    }
  }

  /** {@code conda-forge.yml}'s {@code build_platform} maps {@code linux_aarch64} to {@code linux_64}. */
  private static String buildSubdir(Map<?, ?> buildPlatforms, String subdir) {
    Object b = buildPlatforms.get(subdir.replace('-', '_'));
    return b == null ? subdir : String.valueOf(b).replace('_', '-');
  }

  private static List<Path> variantFiles(Path ciSupport) {
    if (!Files.isDirectory(ciSupport)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(ciSupport)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
          .filter(p -> !p.getFileName().toString().startsWith("clobber_"))
          .sorted().toList();
    } catch (IOException e) {
      throw new RecipeException("cannot list " + ciSupport + ": " + e.getMessage(), e);
    }
  }

  private static Map<?, ?> readForgeConfig(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    inside(file.getParent(), file);
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object doc = new Yaml(new LoaderOptions()).load(r);
      return doc instanceof Map<?, ?> m ? m : Map.of();
    } catch (IOException | RuntimeException e) {
      throw new RecipeException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
