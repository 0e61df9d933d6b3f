package org.containerops.tagging.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream's five container manifests ({@code tagging/manifests/*.py} at docker-stacks {@code 82093869}),
 * by name, with the same titles, commands and section order. The build-info header is {@link BuildInfo}.
 */
public final class BuiltInManifests {
  private static final Map<String, Manifest> ALL;

  static {
    Map<String, Manifest> m = new LinkedHashMap<>();
    add(m, Manifest.of("conda_environment_manifest", c -> new MarkdownPiece("## Python Packages", List.of(
        c.exec("python --version"),
        QuotedOutput.of(c, "conda info"),
        QuotedOutput.of(c, "mamba info"),
        QuotedOutput.of(c, "mamba list")))));
    add(m, Manifest.of("apt_packages_manifest", c -> new MarkdownPiece("## Apt Packages", List.of(
        QuotedOutput.of(c, "apt list --installed")))));
    add(m, Manifest.of("r_packages_manifest", c -> new MarkdownPiece("## R Packages", List.of(
        QuotedOutput.of(c, "R --version"),
        QuotedOutput.of(c, "R --silent -e 'installed.packages(.Library)[, c(1,3)]'")))));
    add(m, Manifest.of("julia_packages_manifest", c -> new MarkdownPiece("## Julia Packages", List.of(
        QuotedOutput.of(c, "julia -E 'using InteractiveUtils; versioninfo()'"),
        QuotedOutput.of(c, "julia -E 'import Pkg; Pkg.status()'")))));
    add(m, Manifest.of("spark_info_manifest", c -> new MarkdownPiece("## Apache Spark", List.of(
        QuotedOutput.of(c, "/usr/local/spark/bin/spark-submit --version")))));
    ALL = Collections.unmodifiableMap(m);
  }

  private BuiltInManifests() {}

  private static void add(Map<String, Manifest> m, Manifest x) {
    m.put(x.name(), x);
  }

  /** The manifest named {@code name}, e.g. {@code apt_packages_manifest}. */
  public static Optional<Manifest> byName(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /** All names, in upstream's order. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }
}
