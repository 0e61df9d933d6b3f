package org.containerops.feedstock.recipe;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Python's string methods and {@code dict.get} in recipe templates. jinjava otherwise calls Java's
 * methods, so {@code version.split(".")} would be a regex split giving nothing (the llvmdev recipe's
 * {@code version.split(".")[0]}, see shared/reference/java-libraries.md §4). Handles
 * {@code split}, {@code rsplit} (no max), {@code startswith}, {@code endswith}, {@code upper},
 * {@code lower}, {@code strip}, {@code lstrip}, {@code rstrip}, {@code replace}, {@code join} and
 * {@code get(key[, default])} on mappings; anything else falls through to jinjava.
 */
final class PythonMethods extends ELResolver {
  private PythonMethods() {}

  /** This resolver in front of jinjava's default (read-only) chain. */
  static ELResolver chain() {
    CompositeELResolver chain = new CompositeELResolver();
    chain.add(new PythonMethods());
    chain.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
    return chain;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    Object[] args = params == null ? new Object[0] : params;
    Object result = null;
    if (base instanceof String s) {
      result = string(s, String.valueOf(method), args);
    } else if (base instanceof RecipeEnvironment) {
      result = environment(String.valueOf(method), args);
    } else if (base instanceof Map<?, ?> m && "get".equals(method) && (args.length == 1 || args.length == 2)) {
      result = m.containsKey(args[0]) ? m.get(args[0]) : args.length == 2 ? args[1] : "";
    }
    if (result != null) {
      context.setPropertyResolved(true);
    }
    return result;
  }

  /** {@code env.get(name[, default])} gives the default or empty text; {@code env.exists(name)} is false. */
  private static Object environment(String method, Object[] args) {
    if ("exists".equals(method)) {
      return Boolean.FALSE;
    }
    if (!"get".equals(method)) {
      return null;
    }
    for (int i = 1; i < args.length; i++) {
      if (args[i] instanceof com.hubspot.jinjava.el.ext.NamedParameter p) {
        if ("default".equals(p.getName())) {
          return p.getValue() == null ? "" : p.getValue();
        }
      } else {
        return args[i] == null ? "" : args[i];
      }
    }
    return "";
  }

  private static Object string(String s, String method, Object[] args) {
    switch (method) {
      case "startswith": return args.length == 1 ? s.startsWith(String.valueOf(args[0])) : null;
      case "endswith": return args.length == 1 ? s.endsWith(String.valueOf(args[0])) : null;
      case "upper": return args.length == 0 ? s.toUpperCase(Locale.ROOT) : null;
      case "lower": return args.length == 0 ? s.toLowerCase(Locale.ROOT) : null;
      case "strip": return args.length == 0 ? s.strip() : null;
      case "lstrip": return args.length == 0 ? s.stripLeading() : null;
      case "rstrip": return args.length == 0 ? s.stripTrailing() : null;
      case "replace": return args.length == 2 ? s.replace(String.valueOf(args[0]), String.valueOf(args[1])) : null;
      case "join": return args.length == 1 && args[0] instanceof Iterable<?> it ? join(s, it) : null;
      case "split":
      case "rsplit": return split(s, args);
      default: return null;
    }
  }

  private static String join(String sep, Iterable<?> items) {
    StringBuilder b = new StringBuilder();
    boolean first = true;
    for (Object o : items) {
      if (!first) {
        b.append(sep);
      }
      first = false;
      b.append(o);
    }
    return b.toString();
  }

  /** {@code str.split([sep[, maxsplit]])}: without a separator, splits on whitespace runs. */
  static List<String> split(String s, Object[] args) {
    if (args.length > 2) {
      return null;
    }
    int max = args.length == 2 ? ((Number) args[1]).intValue() : -1;
    if (args.length == 0 || args[0] == null) {
      String t = s.strip();
      return t.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(t.split("\\s+")));
    }
    String sep = String.valueOf(args[0]);
    if (sep.isEmpty()) {
      throw new IllegalArgumentException("split: empty separator");
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    int at;
    while ((max < 0 || out.size() < max) && (at = s.indexOf(sep, start)) >= 0) {
      out.add(s.substring(start, at));
      start = at + sep.length();
    }
    out.add(s.substring(start));
    return out;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    // never resolves a property
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }
}
