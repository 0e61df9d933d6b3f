package org.containerops.recipe.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The default templates, shipped as resources next to this class. Placeholders are documented in the
 * module README and in {@link org.containerops.recipe.RecipeBuilder}.
 */
public final class DefaultTemplates {
  /**
   * Upstream's {@code DOCKERFILE_TEMPLATE} ({@code docker_utils.py:140-148}): {@code FROM}, the proxies
   * line (now empty: proxies go in as build args, B3) and the group-{@code lucky} find.
   */
  public static final String DOCKERFILE = load("Dockerfile.template");
  /** Upstream's {@code BUILD_SCRIPT_TEMPLATE} ({@code docker_utils.py:87-128}) with the fixes of B10-B12, B23. */
  public static final String BUILD_SCRIPT = load("build_script.bash.template");
  /** Upstream's conda-build line ({@code docker_utils.py:115}). */
  public static final String BUILD_COMMAND = "conda-build -c file://{staging} {build_args} {recipe}/meta.yaml 2>&1";

  private DefaultTemplates() {}

  private static String load(String name) {
    try (InputStream in = DefaultTemplates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
