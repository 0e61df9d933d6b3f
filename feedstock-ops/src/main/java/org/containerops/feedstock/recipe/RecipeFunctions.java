package org.containerops.feedstock.recipe;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for conda-build's Jinja functions ({@code conda_build/jinja_context.py}) and
 * rattler-build's ({@code match}, {@code is_unset}, {@code load_from_file}; {@code env} is
 * {@link RecipeEnvironment}). Only what rendering for names needs, never failing for a function
 * that only matters to a build: each returns a plausible requirement string ({@code compiler('cxx')}
 * gives {@code cxx_compiler_stub}, {@code pin_subpackage('x', exact=True)} gives {@code x}) or an
 * empty mapping for the {@code load_*} data loaders. Keyword arguments arrive as jinjava
 * {@link NamedParameter}s and are ignored. Public because jinjava calls them reflectively.
 */
public final class RecipeFunctions {
  private RecipeFunctions() {}

  /** {@code compiler(lang)}: conda-build renders {@code <compiler>_<subdir>}; a stub is enough for names. */
  public static String compiler(Object... args) {
    return positional(args, 0) + "_compiler_stub";
  }

  /** {@code stdlib(lang)}. */
  public static String stdlib(Object... args) {
    return positional(args, 0) + "_stdlib_stub";
  }

  /** {@code cdt(name)}. */
  public static String cdt(Object... args) {
    return positional(args, 0) + "-cdt_stub";
  }

  /** {@code pin_subpackage(name, ...)} and {@code pin_compatible(name, ...)}: the package name. */
  public static String pin(Object... args) {
    return positional(args, 0);
  }

  /**
   * rattler-build's {@code match(variant_value, spec)}: {@code match(python, ">=3.10")}; an unset
   * variant never matches. See {@link VersionMatch}.
   */
  public static boolean match(Object... args) {
    Object value = args == null || args.length == 0 ? null : args[0];
    return VersionMatch.matches(value instanceof NamedParameter ? null : value, positional(args, 1));
  }

  /** rattler-build's {@code is_unset(x)}: true when {@code x} is undefined (or none or empty text). */
  public static boolean isUnset(Object... args) {
    Object value = args == null || args.length == 0 ? null : args[0];
    return value == null || value instanceof String s && s.isEmpty();
  }

  /** {@code load_setup_py_data()}, {@code load_file_regex(...)}, {@code load_file_data(...)}: empty. */
  public static Map<String, Object> emptyData(Object... args) {
    return Map.of();
  }

  /** The names registered, with the Java method each maps to. */
  static List<String[]> definitions() {
    List<String[]> d = new ArrayList<>();
    d.add(new String[] {"compiler", "compiler"});
    d.add(new String[] {"stdlib", "stdlib"});
    d.add(new String[] {"cdt", "cdt"});
    d.add(new String[] {"pin_subpackage", "pin"});
    d.add(new String[] {"pin_compatible", "pin"});
    d.add(new String[] {"match", "match"});
    d.add(new String[] {"is_unset", "isUnset"});
    d.add(new String[] {"load_from_file", "emptyData"});
    d.add(new String[] {"load_setup_py_data", "emptyData"});
    d.add(new String[] {"load_file_regex", "emptyData"});
    d.add(new String[] {"load_file_data", "emptyData"});
    d.add(new String[] {"load_str_data", "emptyData"});
    return d;
  }

  private static String positional(Object[] args, int index) {
    int i = 0;
    for (Object a : args == null ? new Object[0] : args) {
      if (a instanceof NamedParameter) {
        continue;
      }
      if (i++ == index) {
        return String.valueOf(a);
      }
    }
    return "";
  }
}
