package org.containerops.tagging.api;

import java.util.List;

/**
 * The platform part of tags and file names, as upstream names it ({@code tagging/utils/get_platform.py},
 * {@code get_prefix.py}): {@code x86_64} or {@code aarch64}.
 *
 * @param name the unified machine name, e.g. {@code x86_64}
 */
public record Platform(String name) {
  /** Upstream's {@code ALL_PLATFORMS}, in its order (merge reads files in this order). */
  public static final List<String> ALL = List.of("aarch64", "x86_64");
  /** Upstream's {@code DEFAULT_VARIANT}. */
  public static final String DEFAULT_VARIANT = "default";

  /** Validates the name. */
  public Platform {
    if (name == null || !name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("platform: want a machine name like x86_64, got " + name);
    }
  }

  /**
   * The platform named {@code machine}: {@code arm64} becomes {@code aarch64} (upstream {@code unify_aarch64}),
   * and Java's {@code amd64} becomes {@code x86_64} (what {@code platform.machine()} says on x86-64).
   */
  public static Platform of(String machine) {
    return new Platform(switch (machine) {
      case "arm64" -> "aarch64";
      case "amd64" -> "x86_64";
      default -> machine;
    });
  }

  /** The host's platform from {@code os.arch}. */
  public static Platform host() {
    return of(System.getProperty("os.arch"));
  }

  /** File prefix {@code platform-variant}, always with the variant, e.g. {@code x86_64-default}. */
  public String filePrefix(String variant) {
    return name + "-" + variant;
  }

  /** Tag prefix: {@code platform} for the default variant, else {@code platform-variant}. */
  public String tagPrefix(String variant) {
    return DEFAULT_VARIANT.equals(variant) ? name : name + "-" + variant;
  }

  /** The OCI architecture of this platform ({@code amd64}, {@code arm64}), for registry indexes. */
  public String ociArchitecture() {
    return switch (name) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> name;
    };
  }

  @Override
  public String toString() {
    return name;
  }
}
