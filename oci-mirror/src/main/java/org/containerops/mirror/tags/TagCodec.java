package org.containerops.mirror.tags;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Upstream's v0 tag and repository naming: {@code version_build_tag} and the {@code zzz} prefix.
 *
 * <p>Encoding is three plain replacements in this order: {@code +} to {@code __p__}, {@code !} to
 * {@code __e__}, {@code =} to {@code __eq__} (conda-oci-mirror {@code conda_oci_mirror/package.py:70-75});
 * decoding reverses them in the same order. Like upstream (and rattler's {@code oci_middleware.rs:443-459})
 * nothing else is changed; {@link #isLegalTag} says whether the result is a valid OCI tag. Stateless.
 */
public final class TagCodec {
  /** The OCI distribution tag grammar (at most 128 characters). */
  public static final Pattern OCI_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final Pattern OCI_PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*");

  private TagCodec() {}

  /** {@code <version>-<build>} encoded as upstream does; never null, may still be an illegal tag. */
  public static String encode(String versionBuild) {
    return versionBuild.replace("+", "__p__").replace("!", "__e__").replace("=", "__eq__");
  }

  /** Reverses {@link #encode}, in upstream's order ({@code package.py:70-71}). */
  public static String decode(String tag) {
    return tag.replace("__p__", "+").replace("__e__", "!").replace("__eq__", "=");
  }

  /** True when {@code tag} matches {@link #OCI_TAG}. */
  public static boolean isLegalTag(String tag) {
    return tag != null && OCI_TAG.matcher(tag).matches();
  }

  /**
   * The last repository path component for a package name: {@code zzz} + name when it starts with
   * {@code _} ({@code package.py:250-252}), since registries refuse a component starting with {@code _}.
   */
  public static String repositoryComponent(String packageName) {
    return packageName.startsWith("_") ? "zzz" + packageName : packageName;
  }

  /** True when {@code component} is a legal OCI repository path component (lowercase, separators inside). */
  public static boolean isLegalRepositoryComponent(String component) {
    return component != null && component.equals(component.toLowerCase(Locale.ROOT))
        && OCI_PATH_COMPONENT.matcher(component).matches();
  }
}
