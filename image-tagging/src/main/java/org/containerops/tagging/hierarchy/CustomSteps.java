package org.containerops.tagging.hierarchy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.containerops.tagging.manifest.CommandManifest;
import org.containerops.tagging.manifest.Manifest;
import org.containerops.tagging.tagger.CommandTagger;
import org.containerops.tagging.tagger.Tagger;

/**
 * The taggers and manifests a hierarchy file defines itself, as data (top-level {@code taggers:} and
 * {@code manifests:} mappings beside {@code images:}):
 * <pre>
 * taggers:
 *   node_tagger: {command: node --version, regex: 'v(\d+\.\d+\.\d+)', template: 'node-{1}'}
 * manifests:
 *   node_manifest: {title: '## Node', command: [node --version, npm ls -g]}
 * </pre>
 * {@code command} of a manifest is one command line or a list. Names must not shadow another step.
 *
 * @param taggers by name, file order
 * @param manifests by name, file order
 */
record CustomSteps(Map<String, Tagger> taggers, Map<String, Manifest> manifests) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Reads the two mappings of {@code top}; absent ones are empty.
   *
   * @param taken names that already exist (built-ins and the caller's own), which custom names must not reuse
   * @throws IllegalArgumentException naming the entry and field
   */
  static CustomSteps parse(Map<?, ?> top, Function<String, Boolean> taken) {
    Map<String, Tagger> taggers = new LinkedHashMap<>();
    for (Map.Entry<String, Map<?, ?>> e : entries(top, "taggers", taken).entrySet()) {
      Map<?, ?> body = e.getValue();
      allowOnly(body, "taggers." + e.getKey(), Set.of("command", "regex", "template"));
      Optional<Pattern> regex;
      try {
        regex = Optional.ofNullable(string(body, "regex", "taggers." + e.getKey())).map(Pattern::compile);
      } catch (PatternSyntaxException x) {
        throw new IllegalArgumentException("taggers." + e.getKey() + ".regex: " + x.getDescription());
      }
      try {
        taggers.put(e.getKey(), new CommandTagger(e.getKey(), string(body, "command", "taggers." + e.getKey()), regex,
            string(body, "template", "taggers." + e.getKey())));
      } catch (IllegalArgumentException x) {
        throw new IllegalArgumentException("taggers." + e.getKey() + "." + x.getMessage());
      }
    }
    Map<String, Manifest> manifests = new LinkedHashMap<>();
    for (Map.Entry<String, Map<?, ?>> e : entries(top, "manifests", taken).entrySet()) {
      Map<?, ?> body = e.getValue();
      String where = "manifests." + e.getKey();
      allowOnly(body, where, Set.of("title", "command"));
      Object c = body.get("command");
      List<String> commands = new ArrayList<>();
      if (c instanceof List<?> list) {
        list.forEach(x -> commands.add(x instanceof String s ? s : null));
      } else {
        commands.add(string(body, "command", where));
      }
      try {
        manifests.put(e.getKey(), new CommandManifest(e.getKey(), string(body, "title", where), commands));
      } catch (IllegalArgumentException x) {
        throw new IllegalArgumentException(where + "." + x.getMessage());
      }
    }
    return new CustomSteps(taggers, manifests);
  }

  private static Map<String, Map<?, ?>> entries(Map<?, ?> top, String key, Function<String, Boolean> taken) {
    Object v = top.get(key);
    Map<String, Map<?, ?>> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(key + ": want a mapping of name to {...}");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(key + "." + name + ": a name is letters, digits and _");
      }
      if (taken.apply(name)) {
        throw new IllegalArgumentException(key + "." + name + ": the name is already a built-in step");
      }
      if (!(e.getValue() instanceof Map<?, ?> body)) {
        throw new IllegalArgumentException(key + "." + name + ": want a mapping");
      }
      out.put(name, body);
    }
    return out;
  }

  private static void allowOnly(Map<?, ?> body, String where, Set<String> keys) {
    for (Object k : body.keySet()) {
      if (!keys.contains(String.valueOf(k))) {
        throw new IllegalArgumentException(where + ": unknown field '" + k + "' (want " + String.join(", ",
            new java.util.TreeSet<>(keys)) + ")");
      }
    }
  }

  private static String string(Map<?, ?> body, String key, String where) {
    Object v = body.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String) && !(v instanceof Number)) {
      throw new IllegalArgumentException(where + "." + key + ": want a string, got " + v);
    }
    return String.valueOf(v);
  }
}
