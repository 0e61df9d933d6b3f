package org.containerops.tagging.hierarchy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.manifest.BuiltInManifests;
import org.containerops.tagging.manifest.Manifest;
import org.containerops.tagging.tagger.BuiltInTaggers;
import org.containerops.tagging.tagger.Tagger;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The image tree as data: which taggers and manifests each image gets, inherited parent-first as upstream's
 * {@code get_taggers}/{@code get_manifests} do ({@code tagging/hierarchy/get_taggers.py:7-12}). Loaded from
 * YAML ({@code images: {name: {parent, taggers, manifests}}}); {@link #jupyter()} is upstream's 11 images.
 * Besides upstream's steps by name, a file may define its own taggers and manifests by command
 * (top-level {@code taggers:} / {@code manifests:}, see {@link CustomSteps}).
 * Immutable; images keep file order.
 */
public final class ImageHierarchy {
  /** The resource holding upstream's tree. */
  public static final String JUPYTER_RESOURCE = "jupyter-docker-stacks.yaml";

  private final Map<String, ImageDescription> images;

  private ImageHierarchy(Map<String, ImageDescription> images) {
    this.images = Collections.unmodifiableMap(images);
  }

  /** Upstream's 11-image Jupyter tree (docker-stacks {@code 82093869}). */
  public static ImageHierarchy jupyter() {
    try (InputStream in = ImageHierarchy.class.getResourceAsStream(JUPYTER_RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), JUPYTER_RESOURCE);
    } catch (IOException e) {
      throw new TaggingException(Reason.IO, "cannot read resource " + JUPYTER_RESOURCE, e);
    }
  }

  /**
   * Loads a hierarchy file.
   *
   * @throws TaggingException {@code IO} when unreadable, {@code HIERARCHY} when invalid (naming the file)
   */
  public static ImageHierarchy load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new TaggingException(Reason.IO, "cannot read hierarchy file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses YAML text using the built-in taggers and manifests; {@code source} names it in errors. */
  public static ImageHierarchy parse(String yaml, String source) {
    return parse(yaml, source, n -> BuiltInTaggers.byName(n), n -> BuiltInManifests.byName(n));
  }

  /**
   * Parses YAML text, resolving names with the given lookups (so library users can add their own taggers).
   *
   * @throws TaggingException {@code HIERARCHY} for bad structure, unknown names, unknown parents or cycles, or
   *     a bad custom tagger/manifest (naming the file, the entry and the field)
   */
  public static ImageHierarchy parse(String yaml, String source, Function<String, Optional<Tagger>> taggers,
      Function<String, Optional<Manifest>> manifests) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw bad(source, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!(root instanceof Map<?, ?> top) || !(top.get("images") instanceof Map<?, ?> imgs) || imgs.isEmpty()) {
      throw bad(source, "want a mapping 'images:' of image name to {parent, taggers, manifests}");
    }
    CustomSteps custom;
    try {
      custom = CustomSteps.parse(top, n -> taggers.apply(n).isPresent() || manifests.apply(n).isPresent());
    } catch (IllegalArgumentException e) {
      throw bad(source, e.getMessage());
    }
    Function<String, Optional<Tagger>> allTaggers = n -> Optional.ofNullable(custom.taggers().get(n))
        .or(() -> taggers.apply(n));
    Function<String, Optional<Manifest>> allManifests = n -> Optional.ofNullable(custom.manifests().get(n))
        .or(() -> manifests.apply(n));
    List<String> taggerNames = new ArrayList<>(BuiltInTaggers.names());
    taggerNames.addAll(custom.taggers().keySet());
    List<String> manifestNames = new ArrayList<>(BuiltInManifests.names());
    manifestNames.addAll(custom.manifests().keySet());
    Map<String, ImageDescription> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : imgs.entrySet()) {
      String name = String.valueOf(e.getKey());
      Map<?, ?> body = e.getValue() == null ? Map.of() : e.getValue() instanceof Map<?, ?> m ? m : null;
      if (body == null) {
        throw bad(source, "image " + name + ": want a mapping");
      }
      Object parent = body.get("parent");
      List<Tagger> t = resolve(source, name, "taggers", body.get("taggers"), allTaggers, taggerNames);
      List<Manifest> m = resolve(source, name, "manifests", body.get("manifests"), allManifests, manifestNames);
      out.put(name, new ImageDescription(Optional.ofNullable(parent).map(String::valueOf), t, m));
    }
    for (Map.Entry<String, ImageDescription> e : out.entrySet()) {
      Set<String> seen = new HashSet<>();
      Optional<String> p = Optional.of(e.getKey());
      while (p.isPresent()) {
        if (!seen.add(p.get())) {
          throw bad(source, "image " + e.getKey() + ": parent cycle through " + p.get());
        }
        ImageDescription d = out.get(p.get());
        if (d == null) {
          throw bad(source, "image " + e.getKey() + ": unknown parent " + p.get());
        }
        p = d.parent();
      }
    }
    return new ImageHierarchy(out);
  }

  private static <T> List<T> resolve(String source, String image, String key, Object value,
      Function<String, Optional<T>> lookup, List<String> known) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> names)) {
      throw bad(source, "image " + image + ": " + key + " must be a list of names");
    }
    List<T> out = new ArrayList<>();
    for (Object n : names) {
      out.add(lookup.apply(String.valueOf(n)).orElseThrow(() -> bad(source, "image " + image + ": unknown "
          + key.substring(0, key.length() - 1) + " '" + n + "' (built-in: " + String.join(", ", known) + ")")));
    }
    return out;
  }

  private static TaggingException bad(String source, String what) {
    return new TaggingException(Reason.HIERARCHY, "hierarchy " + source + ": " + what, null);
  }

  /** Image names in file (build) order. */
  public List<String> imageNames() {
    return List.copyOf(images.keySet());
  }

  /** The taggers of {@code image}: the root's first, then each descendant's, no de-duplication. */
  public List<Tagger> taggers(String image) {
    List<Tagger> out = new ArrayList<>();
    for (ImageDescription d : chain(image)) {
      out.addAll(d.taggers());
    }
    return out;
  }

  /** The manifests of {@code image}, parent-first like {@link #taggers}. */
  public List<Manifest> manifests(String image) {
    List<Manifest> out = new ArrayList<>();
    for (ImageDescription d : chain(image)) {
      out.addAll(d.manifests());
    }
    return out;
  }

  private List<ImageDescription> chain(String image) {
    if (!images.containsKey(image)) {
      throw new TaggingException(Reason.HIERARCHY, "image '" + image + "' is not in the hierarchy (known: "
          + String.join(", ", images.keySet()) + ")", null);
    }
    List<ImageDescription> chain = new ArrayList<>();
    Optional<String> p = Optional.of(image);
    while (p.isPresent()) {
      ImageDescription d = images.get(p.get());
      chain.add(0, d);
      p = d.parent();
    }
    return chain;
  }
}
