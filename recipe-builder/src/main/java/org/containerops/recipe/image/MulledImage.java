package org.containerops.recipe.image;

import java.util.regex.Pattern;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;

/**
 * A mulled test image named by a {@code name=version--build} spec, as upstream's {@code purgeImage(target,
 * img)} ({@code docker_utils.py:512-519}) builds it: {@code <registry>/<target>/<name>:<version>--<build>}.
 * Upstream splits with {@code rsplit("--", 1)} and {@code rsplit("=", 1)} and crashes with an unpacking
 * error on a malformed spec; here the spec is checked and the error names it.
 *
 * @param registry e.g. {@code quay.io}
 * @param target the upload target (namespace), e.g. {@code biocontainers}
 * @param name package name
 * @param version package version
 * @param build build string
 */
public record MulledImage(String registry, String target, String name, String version, String build) {
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.+!-]+");

  /** Upstream's registry. */
  public static final String DEFAULT_REGISTRY = "quay.io";

  /**
   * Parses {@code name=version--build} as upstream does (last {@code --}, then last {@code =}).
   *
   * @throws RecipeBuilderException {@link Reason#BAD_SPEC} naming the spec when a part is missing or invalid
   */
  public static MulledImage parse(String registry, String target, String spec) {
    if (target == null || !NAMESPACE.matcher(target).matches()) {
      throw bad(spec, "upload target '" + target + "' is not a registry namespace (e.g. biocontainers)");
    }
    int dashes = spec.lastIndexOf("--");
    if (dashes < 0) {
      throw bad(spec, "no '--' before the build string");
    }
    String nameVersion = spec.substring(0, dashes);
    String build = spec.substring(dashes + 2);
    int eq = nameVersion.lastIndexOf('=');
    if (eq < 0) {
      throw bad(spec, "no '=' between name and version");
    }
    String name = nameVersion.substring(0, eq);
    String version = nameVersion.substring(eq + 1);
    if (!PART.matcher(name).matches() || !PART.matcher(version).matches() || !PART.matcher(build).matches()) {
      throw bad(spec, "name, version and build must be non-empty and contain no spaces, '=' or '/'");
    }
    return new MulledImage(registry, target, name, version, build);
  }

  /** {@code <registry>/<target>/<name>:<version>--<build>}. */
  public String reference() {
    return registry + "/" + target + "/" + name + ":" + version + "--" + build;
  }

  private static RecipeBuilderException bad(String spec, String why) {
    return new RecipeBuilderException(Reason.BAD_SPEC, "malformed image spec '" + spec
        + "': want name=version--build (" + why + ")");
  }
}
