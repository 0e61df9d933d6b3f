package org.containerops.dockerpkg.render;

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
 * Python's string methods and {@code dict.get} in templates (jinjava otherwise exposes Java's:
 * {@code 'a.b'.split('.')} would be a regex split, {@code startswith} would not exist). Handles
 * {@code startswith}, {@code endswith}, {@code upper}, {@code lower}, {@code strip},
 * {@code lstrip}, {@code rstrip}, {@code split} and {@code format} on strings and
 * {@code get(key[, default])} on mappings (missing key: {@code None}); everything else goes to
 * jinjava's default resolver. See shared/reference/jinjava.md "Hardened profile".
 */
final class PythonMethods extends ELResolver {
  private PythonMethods() {}

  /** @return this resolver in front of jinjava's default (read-only) chain */
  static ELResolver chain() {
    CompositeELResolver chain = new CompositeELResolver();
    chain.add(new PythonMethods());
    chain.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
    return chain;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    Object[] args = params == null ? new Object[0] : params;
    Object result = base instanceof String ? string((String) base, String.valueOf(method), args)
        : base instanceof Map && "get".equals(method) && (args.length == 1 || args.length == 2)
            ? ((Map<?, ?>) base).containsKey(args[0]) ? ((Map<?, ?>) base).get(args[0]) : args.length == 2 ? args[1] : PyNone.NONE
            : null;
    if (result != null) {
      context.setPropertyResolved(true);
    }
    return result;
  }

  private static Object string(String s, String method, Object[] args) {
    switch (method) {
      case "startswith": return args.length == 1 ? s.startsWith(PythonStr.str(args[0])) : null;
      case "endswith": return args.length == 1 ? s.endsWith(PythonStr.str(args[0])) : null;
      case "upper": return args.length == 0 ? s.toUpperCase(Locale.ROOT) : null;
      case "lower": return args.length == 0 ? s.toLowerCase(Locale.ROOT) : null;
      case "strip": return strip(s, args, true, true);
      case "lstrip": return strip(s, args, true, false);
      case "rstrip": return strip(s, args, false, true);
      case "split": return split(s, args);
      case "format": return format(s, args);
      default: return null;
    }
  }

  private static String strip(String s, Object[] args, boolean left, boolean right) {
    if (args.length > 1) {
      return null;
    }
    String chars = args.length == 1 && args[0] != null && !(args[0] instanceof PyNone) ? PythonStr.str(args[0]) : null;
    int from = 0;
    int to = s.length();
    while (left && from < to && (chars == null ? Character.isWhitespace(s.charAt(from)) : chars.indexOf(s.charAt(from)) >= 0)) {
      from++;
    }
    while (right && to > from && (chars == null ? Character.isWhitespace(s.charAt(to - 1)) : chars.indexOf(s.charAt(to - 1)) >= 0)) {
      to--;
    }
    return s.substring(from, to);
  }

  /** {@code str.split([sep[, maxsplit]])}: no separator splits on whitespace runs and drops empties. */
  private static List<String> split(String s, Object[] args) {
    if (args.length > 2) {
      return null;
    }
    int max = args.length == 2 ? ((Number) args[1]).intValue() : -1;
    if (args.length == 0 || args[0] == null || args[0] instanceof PyNone) {
      String t = s.strip();
      if (t.isEmpty()) {
        return new ArrayList<>();
      }
      return new ArrayList<>(Arrays.asList(max < 0 ? t.split("\\s+") : t.split("\\s+", max + 1)));
    }
    String sep = PythonStr.str(args[0]);
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

  /** {@code str.format} with {@code {}}, {@code {N}} and {@code {{ }}} escapes; values printed with {@code str()}. */
  private static String format(String s, Object[] args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < s.length() && s.charAt(i + 1) == c) {
        out.append(c);
        i++;
      } else if (c == '{') {
        int end = s.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("format: single '{' encountered in format string");
        }
        String field = s.substring(i + 1, end);
        int index = field.isEmpty() ? next++ : Integer.parseInt(field);
        if (index >= args.length) {
          throw new IllegalArgumentException("format: replacement index " + index + " out of range");
        }
        out.append(PythonStr.str(args[index]));
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
