package org.containerops.dockerpkg.render;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;

/**
 * Renders {@code Dockerfile.template}s like upstream (dockerfile.py:18-21,141-146; image.py:175-177):
 * the whole config as context, strict undefined variables, no final newline, the {@code do}
 * statement, Python {@code str()} output, and upstream's six filters. jinjava 2.8.4 is set up as
 * measured in shared/reference/jinjava.md (125/125 byte-identical on the corpus).
 *
 * <p>Every file a template reads (the template itself, includes, imports) must resolve, symbolic
 * links followed, inside the image directory; anything else fails the render (issue 17 §3).
 *
 * <p>{@link #render} is synchronized: jinjava's resource locator is per instance, so one
 * template renders at a time per renderer.
 */
public final class TemplateRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(TemplateRenderer.class);

  private final DockerPkgConfig config;
  private final List<String> knownImages;
  private final Jinjava jinjava;
  private Set<String> references;
  private Set<String> warnings;
  private Path currentDir;

  /**
   * @param config the merged config; every key becomes a template variable
   * @param knownImages full labels {@code image_tag} may return, in lookup order (scanned images
   *     sorted by name, then {@code base_images})
   */
  public TemplateRenderer(DockerPkgConfig config, List<String> knownImages) {
    this.config = Objects.requireNonNull(config, "config");
    this.knownImages = List.copyOf(knownImages);
    this.jinjava = new Jinjava(JinjavaConfig.newBuilder()
        .withKeepTrailingNewline(true)  // TemplateSource drops the final newline from the source
        .withNestedInterpretationEnabled(false)
        .withFailOnUnknownTokens(true)
        .withLegacyOverrides(LegacyOverrides.NONE)
        .withInterperterFactory(new StrictUndefined.PythonInterpreterFactory())
        .withElResolver(PythonMethods.chain())
        .build());
    jinjava.setResourceLocator((name, charset, interpreter) -> readInclude(name));
    StrictUndefined.install(jinjava);
    registerFilters();
  }

  /**
   * @param image the image's short name, for messages
   * @param imageDir the directory holding {@code Dockerfile.template}; includes resolve inside it
   * @return the rendered Dockerfile
   * @throws DockerPkgException reason RENDER naming the template and line for an unreadable
   *     template, a syntax error, an undefined variable or attribute, or a failing filter
   */
  public RenderedDockerfile render(String image, Path imageDir) {
    return render(image, imageDir, ImageDefinition.TEMPLATE);
  }

  /**
   * Renders another template of the image directory, e.g. {@value ImageDefinition#BUILD_TEMPLATE}
   * (the legacy build-stage image, upstream ≤ 2.x image.py:288-301), with the same context and
   * filters.
   *
   * @throws DockerPkgException reason RENDER as {@link #render(String, Path)}
   */
  public synchronized RenderedDockerfile render(String image, Path imageDir, String templateName) {
    Path template = imageDir.resolve(templateName);
    String source;
    Path realDir;
    try {
      realDir = imageDir.toRealPath();
      source = Files.readString(ConfinedPath.requireInside(realDir, template), StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException | UnsafePathException e) {
      throw new DockerPkgException(Reason.RENDER, template, "cannot read " + template + ": " + e.getMessage(), e);
    }
    LOG.debug("rendering {} from {}", image, template);
    references = new LinkedHashSet<>();
    warnings = new LinkedHashSet<>();
    currentDir = realDir;
    try {
      RenderResult result = jinjava.renderForResult(TemplateSource.prepare(source), bindings());
      for (TemplateError error : result.getErrors()) {
        if (error.getSeverity() == ErrorType.FATAL || error.getReason() == ErrorReason.UNKNOWN) {
          throw new DockerPkgException(Reason.RENDER, template,
              template + ":" + error.getLineno() + ": " + describe(error));
        }
      }
      return new RenderedDockerfile(image, result.getOutput(), new ArrayList<>(references), new ArrayList<>(warnings));
    } finally {
      references = null;
      warnings = null;
      currentDir = null;
    }
  }

  /** A fresh context per render, so a template's {@code do} cannot leak into the next one. */
  private Map<String, Object> bindings() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("None", PyNone.NONE);
    b.put("none", PyNone.NONE);
    b.put("True", Boolean.TRUE);
    b.put("False", Boolean.FALSE);
    config.values().forEach((k, v) -> b.put(k, pythonValue(v)));
    return b;
  }

  private void registerFilters() {
    Map<String, Integer> uids = config.knownUidMappings();
    jinjava.registerFilter(new PyFilter("image_tag", (in, args) -> {
      String shortName = PythonStr.str(in);
      String name = ImageLabel.of(config, shortName, "").name();
      String label = ImageFilters.imageTag(name, knownImages).orElseThrow(() -> new IllegalArgumentException(
          "Image " + name + " not found, or it has no tag (known=" + knownImages + ")"));
      references.add(shortName);
      return label;
    }));
    jinjava.registerFilter(new PyFilter("upstream_version", (in, args) -> ImageFilters.upstreamVersion(PythonStr.str(in))));
    jinjava.registerFilter(new PyFilter("uid", (in, args) -> UserFilters.uid(in, uids, warnings::add)));
    jinjava.registerFilter(new PyFilter("add_user", (in, args) -> UserFilters.addUser(in, uids)));
    jinjava.registerFilter(new PyFilter("apt_install",
        (in, args) -> AptFilters.install(in, config.values().get("apt_only_proxy"), config.values().get("apt_options"))));
    jinjava.registerFilter(new PyFilter("apt_remove",
        (in, args) -> AptFilters.remove(in, config.values().get("apt_only_proxy"))));
  }

  /**
   * Reads an {@code include}/{@code import}/{@code extends}ed template: {@code name} must stay inside
   * the image directory both lexically and after following symbolic links (issue 17 §3), so a link
   * to a host file is refused rather than rendered into the Dockerfile.
   */
  private String readInclude(String name) throws IOException {
    Path dir = currentDir;
    Path file = dir.resolve(name).normalize();
    if (!file.startsWith(dir)) {
      throw new IOException("template " + name + " is outside " + dir);
    }
    try {
      return TemplateSource.prepare(Files.readString(ConfinedPath.requireInside(dir, file), StandardCharsets.UTF_8));
    } catch (UnsafePathException | UncheckedIOException e) {
      throw new IOException("template " + name + ": " + e.getMessage(), e);
    }
  }

  /** The most specific message: ours (filters, undefined variables) if one is in the cause chain. */
  private static String describe(TemplateError error) {
    for (Throwable t = error.getException(); t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException || t instanceof UndefinedValue.UndefinedVariableException) {
        return t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return error.getMessage().lines().findFirst().orElse(error.getMessage());
  }

  /** Config values as templates see them: nulls become {@link PyNone}, containers copied. */
  static Object pythonValue(Object value) {
    if (value == null) {
      return PyNone.NONE;
    }
    if (value instanceof Map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, pythonValue(v)));
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<?>) value).forEach(v -> copy.add(pythonValue(v)));
      return copy;
    }
    return value;
  }
}
