package org.containerops.feedstock.recipe;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * One rendered variant file from {@code .ci_support/} (conda-smithy writes one per CI job), e.g.
 * {@code linux_aarch64_numpy2.0python3.11.____cpython.yaml}.
 *
 * @param fileName the file's name
 * @param subdir the conda subdir it builds for: the file's {@code target_platform} when set (and not
 *     {@code noarch}), else from the name's first two {@code _}-parts with upstream's arch rule
 *     ({@code check_solvable.py:289-293}: second part if one of 32/aarch64/ppc64le/armv7l/arm64/64,
 *     else 64)
 * @param values the first value of every key (a {@code .ci_support} file has one value per key),
 *     as text; sorted by key
 */
public record Variant(String fileName, String subdir, Map<String, String> values) {
  private static final Set<String> ARCHES = Set.of("32", "64", "aarch64", "ppc64le", "armv7l", "arm64", "s390x");

  /** Validates and copies. */
  public Variant {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /**
   * Reads a {@code .ci_support} YAML file.
   *
   * @throws RecipeException when it cannot be read or is not a mapping
   */
  public static Variant load(Path file) {
    Object doc;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      doc = new Yaml(new LoaderOptions()).load(r);
    } catch (IOException | RuntimeException e) {
      throw new RecipeException("cannot read variant file " + file + ": " + e.getMessage(), e);
    }
    if (doc != null && !(doc instanceof Map)) {
      throw new RecipeException("variant file " + file + " is not a YAML mapping");
    }
    Map<String, String> values = new TreeMap<>();
    if (doc != null) {
      ((Map<?, ?>) doc).forEach((k, v) -> {
        Object first = v instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : v;
        if (first != null && !(first instanceof List) && !(first instanceof Map)) {
          values.put(String.valueOf(k), String.valueOf(first));
        }
      });
    }
    String name = file.getFileName().toString();
    String target = values.get("target_platform");
    String subdir = target != null && !"noarch".equals(target) ? target : subdirFromName(name);
    return new Variant(name, subdir, values);
  }

  /** Upstream's grouping key: the first two {@code _}-parts joined by {@code -} ({@code parse_package_and_feedstock_names.py:116-124}). */
  public static String platformArch(String fileName) {
    String[] parts = fileName.split("_", -1);
    return parts.length >= 2 ? parts[0] + "-" + parts[1] : parts[0];
  }

  /** {@code linux_aarch64_...yaml} gives {@code linux-aarch64}; {@code linux_python3.8...} gives {@code linux-64}. */
  static String subdirFromName(String fileName) {
    String[] parts = fileName.split("_", -1);
    String platform = parts[0];
    String arch = parts.length >= 2 && ARCHES.contains(parts[1]) ? parts[1] : "64";
    return platform + "-" + arch;
  }
}
