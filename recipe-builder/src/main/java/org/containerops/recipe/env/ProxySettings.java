package org.containerops.recipe.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.runtime.secret.SecretMask;

/**
 * Proxy variables from the host environment: upstream {@code _find_proxy_settings()}
 * ({@code docker_utils.py:311-323}) with its bugs fixed. Upstream crashes whenever a proxy is set
 * (iterates dict keys, B1), raises "different values" for equal upper/lower-case values (B2), ignores
 * {@code no_proxy} and bakes the values into the image as {@code ENV} (B3).
 *
 * <p>Here {@code http_proxy}, {@code https_proxy}, {@code ftp_proxy} and {@code no_proxy} are read in
 * both cases; equal values are one setting, different values an error (values masked). They reach the
 * image build as predefined build args (not kept in the image) and the build container as env, both
 * spellings. Immutable.
 */
public final class ProxySettings {
  /** The proxy variable names, lower case, sorted. */
  public static final List<String> NAMES = List.of("ftp_proxy", "http_proxy", "https_proxy", "no_proxy");

  private final Map<String, String> values;

  private ProxySettings(java.util.SortedMap<String, String> values) {
    this.values = Collections.unmodifiableSortedMap(values);
  }

  /**
   * Reads the proxies from {@code env}.
   *
   * @throws RecipeBuilderException {@link Reason#PROXY_CONFLICT} when the two spellings of one variable differ
   */
  public static ProxySettings from(Map<String, String> env) {
    java.util.SortedMap<String, String> found = new TreeMap<>();
    for (String lower : NAMES) {
      String upper = lower.toUpperCase(Locale.ROOT);
      String a = blankToNull(env.get(lower));
      String b = blankToNull(env.get(upper));
      if (a != null && b != null && !a.equals(b)) {
        SecretMask mask = SecretMask.none();
        throw new RecipeBuilderException(Reason.PROXY_CONFLICT, lower + " (" + mask.mask(a) + ") and " + upper + " ("
            + mask.mask(b) + ") have different values; unset one or make them equal");
      }
      String v = a != null ? a : b;
      if (v != null) {
        found.put(lower, v);
      }
    }
    return new ProxySettings(found);
  }

  /** The settings, lower-case name to value, sorted; empty when no proxy is set. */
  public Map<String, String> values() {
    return values;
  }

  /** Each setting in both spellings ({@code http_proxy} and {@code HTTP_PROXY}), for build args and env. */
  public Map<String, String> bothSpellings() {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> {
      out.put(k, v);
      out.put(k.toUpperCase(Locale.ROOT), v);
    });
    return out;
  }

  /** The values, to mask wherever they appear (SecretMask also hides any URL password on its own). */
  public List<String> secrets() {
    return new ArrayList<>(values.values());
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
