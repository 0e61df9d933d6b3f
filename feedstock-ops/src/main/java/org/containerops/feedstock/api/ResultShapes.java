package org.containerops.feedstock.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.containerops.feedstock.api.FeedstockOpsException.Reason;
import org.containerops.runtime.protocol.ProtocolJson;

/** Upstream's {@code data} shapes ({@code __main__.py}) to and from results and container arguments. */
final class ResultShapes {
  private ResultShapes() {}

  /** {@code {"lints": {p: [..]}, "hints": {p: [..]}, "errors": {p: bool}}}. */
  static LintResult lint(Map<?, ?> data) {
    Map<String, List<String>> lints = stringLists(data.get("lints"));
    Map<String, List<String>> hints = stringLists(data.get("hints"));
    Map<String, Boolean> errors = new TreeMap<>();
    if (data.get("errors") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> errors.put(String.valueOf(k), Boolean.TRUE.equals(v)));
    }
    return new LintResult(lints, hints, errors);
  }

  /** {@code {"solvable": bool, "errors": [..], "solvable_by_variant": {name: bool}}}. */
  static SolvableResult solvable(Map<?, ?> data) {
    List<String> errors = new ArrayList<>();
    if (data.get("errors") instanceof Collection<?> c) {
      c.forEach(e -> errors.add(String.valueOf(e)));
    }
    Map<String, Boolean> byVariant = new TreeMap<>();
    if (data.get("solvable_by_variant") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> byVariant.put(String.valueOf(k), Boolean.TRUE.equals(v)));
    }
    return new SolvableResult(Boolean.TRUE.equals(data.get("solvable")), errors, byVariant);
  }

  /**
   * The container options of {@code check-solvable} ({@code __main__.py:421-466}); every option is
   * passed, {@code --timeout} always as an integer (upstream could send {@code None}); string values as
   * {@code --name=value} (click reads that form too), so a value starting with {@code -} stays a value.
   */
  static List<String> checkSolvableArgs(CheckSolvableSpec spec) {
    List<String> args = new ArrayList<>(List.of("--timeout", Long.toString(spec.timeout().toSeconds())));
    if (!spec.additionalChannels().isEmpty()) {
      args.add("--additional-channels=" + String.join(",", spec.additionalChannels()));
    }
    if (!spec.buildPlatform().isEmpty()) {
      args.add("--build-platform=" + buildPlatformJson(spec));
    }
    args.add("--solver=" + spec.solver());
    if (spec.failFast()) {
      args.add("--fail-fast");
    }
    return args;
  }

  /** {@code build_platform} as one-line JSON with sorted keys, as upstream's {@code json.dumps}. */
  static String buildPlatformJson(CheckSolvableSpec spec) {
    try {
      return ProtocolJson.mapper().writeValueAsString(spec.buildPlatform());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode build_platform", e);
    }
  }

  static Map<?, ?> asMap(Object data, String op, String feedstock) {
    if (data instanceof Map<?, ?> m) {
      return m;
    }
    throw new FeedstockOpsException(Reason.CONTAINER_FAILED, op, feedstock,
        "the reply's data is not an object: " + data, null, "", null);
  }

  static Set<String> strings(Object v) {
    Set<String> out = new TreeSet<>();
    if (v instanceof Collection<?> c) {
      c.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  private static Map<String, List<String>> stringLists(Object v) {
    Map<String, List<String>> out = new TreeMap<>();
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, l) -> {
        List<String> items = new ArrayList<>();
        if (l instanceof Collection<?> c) {
          c.forEach(x -> items.add(String.valueOf(x)));
        }
        out.put(String.valueOf(k), items);
      });
    }
    return out;
  }
}
