package org.containerops.feedstock.inside;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The container side of {@code lint} ({@code conda_forge_feedstock_ops/__main__.py:306-341},
 * {@code lint.py:90-124}): every {@code meta.yaml} and {@code recipe.yaml} under the mounted feedstock
 * is linted with conda-smithy; a recipe whose linting raises gets {@code errors[path] = true} and
 * empty lints and hints. A missing python/conda-smithy fails the whole operation instead.
 */
public final class InsideLint {
  private final PythonBridge bridge;

  /** @param env the container environment; @param tee where tool output is copied (stderr) */
  public InsideLint(Map<String, String> env, PrintStream tee) {
    this.bridge = new PythonBridge(env, tee);
  }

  /**
   * @param feedstock the feedstock root (the mount)
   * @param logLevel forwarded to the bridge
   * @return {@code {"lints": {path: [..]}, "hints": {path: [..]}, "errors": {path: bool}}}, keys relative
   */
  public Map<String, Object> run(Path feedstock, String logLevel) throws IOException {
    Map<String, Object> lints = new TreeMap<>();
    Map<String, Object> hints = new TreeMap<>();
    Map<String, Object> errors = new TreeMap<>();
    for (Path recipe : recipes(feedstock)) {
      String key = feedstock.relativize(recipe).toString();
      try {
        Object r = bridge.run("lint_bridge.py", "conda-smithy's linter (python with conda_smithy)",
            List.of(recipe.getParent().toString()), List.of("--log-level=" + logLevel), null);
        Map<?, ?> m = r instanceof Map<?, ?> x ? x : Map.of();
        lints.put(key, m.get("lints") instanceof List<?> l ? l : List.of());
        hints.put(key, m.get("hints") instanceof List<?> h ? h : List.of());
        errors.put(key, false);
      } catch (ToolNotFoundException e) {
        throw e;
      } catch (RuntimeException e) {
        System.err.println("linting " + key + " failed: " + e.getMessage());
        lints.put(key, List.of());
        hints.put(key, List.of());
        errors.put(key, true);
      }
    }
    Map<String, Object> data = new TreeMap<>();
    data.put("lints", lints);
    data.put("hints", hints);
    data.put("errors", errors);
    return data;
  }

  private static List<Path> recipes(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return new ArrayList<>(s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().equals("meta.yaml") || p.getFileName().toString().equals("recipe.yaml"))
          .filter(p -> !root.relativize(p).toString().startsWith(".git"))
          .sorted().toList());
    }
  }
}
