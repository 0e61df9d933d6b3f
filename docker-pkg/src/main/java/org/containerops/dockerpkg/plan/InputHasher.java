package org.containerops.dockerpkg.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageTree;
import org.containerops.dockerpkg.render.RenderedDockerfile;
import org.containerops.dockerpkg.render.TemplateRenderer;

/**
 * Computes {@link ImageInputs} for the images of a tree. A parent's hash is computed before its
 * children's (memoized), so the images can be asked for in any order and from several threads;
 * each thread renders with its own {@link TemplateRenderer}.
 */
public final class InputHasher {
  private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?");
  private final DockerPkgConfig config;
  private final ImageTree tree;
  private final Function<String, Optional<String>> baseIds;
  private final ThreadLocal<TemplateRenderer> renderer;
  private final Map<String, ImageInputs> done = new ConcurrentHashMap<>();
  private final Map<String, String> treeLabels = new TreeMap<>();

  /**
   * @param config the merged config: template variables and {@code http_proxy}
   * @param tree the scanned images (with any nightly suffix already applied)
   * @param baseIds the engine's image id of a {@code FROM} reference outside the tree, or empty
   */
  public InputHasher(DockerPkgConfig config, ImageTree tree, Function<String, Optional<String>> baseIds) {
    this.config = config;
    this.tree = tree;
    this.baseIds = baseIds;
    List<String> known = tree.knownImages(config);
    Supplier<TemplateRenderer> fresh = () -> new TemplateRenderer(config, known);
    this.renderer = ThreadLocal.withInitial(fresh);
    tree.images().forEach(i -> treeLabels.put(i.label(config).full(), i.name()));
  }

  /**
   * @return the inputs of image {@code name} (and, memoized, of its parents)
   * @throws DockerPkgException reason RENDER when a template fails, IO when the context cannot be
   *     read, CYCLE when parents form a cycle
   */
  public ImageInputs inputs(String name) {
    return inputs(name, new HashSet<>());
  }

  private ImageInputs inputs(String name, Set<String> path) {
    ImageInputs known = done.get(name);
    if (known != null) {
      return known;
    }
    if (!path.add(name)) {
      throw new DockerPkgException(Reason.CYCLE, null, "dependency cycle through " + name + ": " + path);
    }
    ImageDefinition image = tree.find(name).orElseThrow(() -> new IllegalArgumentException("name: no image " + name));
    Map<String, String> parts = new TreeMap<>();
    RenderedDockerfile main = renderer.get().render(image.name(), image.dir());
    parts.put("dockerfile", ImageInputs.sha256(main.text().getBytes(StandardCharsets.UTF_8)));
    List<String> dockerfiles = new ArrayList<>(List.of(main.text()));
    Set<String> parents = new java.util.TreeSet<>(main.imageReferences());
    if (Files.isRegularFile(image.dir().resolve(ImageDefinition.BUILD_TEMPLATE))) {
      RenderedDockerfile stage = renderer.get().render(image.name(), image.dir(), ImageDefinition.BUILD_TEMPLATE);
      parts.put("build-stage", ImageInputs.sha256(stage.text().getBytes(StandardCharsets.UTF_8)));
      dockerfiles.add(stage.text());
      parents.addAll(stage.imageReferences());
    }
    try {
      parts.put("context", ContextHash.of(image.dir()));
    } catch (IOException | IllegalArgumentException e) {
      throw new DockerPkgException(Reason.IO, image.dir(), "cannot read the build context of " + name + ": "
          + e.getMessage(), e);
    }
    parts.put("build-args", ImageInputs.sha256(buildArgs().getBytes(StandardCharsets.UTF_8)));
    parents.addAll(image.depends());
    for (String dockerfile : dockerfiles) {
      for (String ref : fromReferences(dockerfile)) {
        String inTree = treeLabels.get(ref);
        if (inTree != null) {
          parents.add(inTree);
        } else {
          parts.put("base:" + ref, baseIds.apply(ref).orElse("unresolved"));
        }
      }
    }
    parents.remove(name);
    for (String parent : parents) {
      if (tree.find(parent).isPresent()) {
        parts.put("parent:" + parent, inputs(parent, path).hash());
      }
    }
    path.remove(name);
    ImageInputs result = ImageInputs.of(parts);
    done.putIfAbsent(name, result);
    return done.get(name);
  }

  /** The build arguments as {@code key=value} lines, sorted: the proxy variables (upstream drivers.py:33-43). */
  private String buildArgs() {
    StringBuilder b = new StringBuilder();
    config.httpProxy().ifPresent(p -> {
      for (String k : List.of("HTTPS_PROXY", "HTTP_PROXY", "http_proxy", "https_proxy")) {
        b.append(k).append('=').append(p).append('\n');
      }
    });
    return b.toString();
  }

  /** {@code FROM} images of a Dockerfile, without {@code scratch} and earlier stage names. */
  static List<String> fromReferences(String dockerfile) {
    List<String> refs = new ArrayList<>();
    Set<String> stages = new HashSet<>();
    Matcher m = FROM.matcher(dockerfile);
    while (m.find()) {
      String ref = m.group(1);
      if (!ref.equalsIgnoreCase("scratch") && !stages.contains(ref.toLowerCase(java.util.Locale.ROOT))
          && !ref.contains("$")) {
        refs.add(ref);
      }
      if (m.group(2) != null) {
        stages.add(m.group(2).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return refs;
  }
}
