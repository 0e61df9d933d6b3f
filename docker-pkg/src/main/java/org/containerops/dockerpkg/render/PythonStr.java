package org.containerops.dockerpkg.render;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()}, {@code repr()} and truth value for the values a YAML config and a
 * template produce, so that output matches Jinja2: {@code None}, {@code True}, {@code ['a', 'b']},
 * {@code {'root': 0}}.
 */
public final class PythonStr {
  private PythonStr() {}

  /** @return Python's {@code str(value)}; null is {@code None} */
  public static String str(Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    if (value == null || value instanceof PyNone) {
      return "None";
    }
    if (value instanceof Boolean) {
      return (Boolean) value ? "True" : "False";
    }
    if (value instanceof Collection || value instanceof Map || value.getClass().isArray()) {
      return repr(value);
    }
    return value.toString();
  }

  /** @return Python's {@code repr(value)}: strings quoted, containers recursive */
  public static String repr(Object value) {
    if (value instanceof String) {
      return reprString((String) value);
    }
    if (value instanceof Collection) {
      StringBuilder out = new StringBuilder("[");
      Iterator<?> it = ((Collection<?>) value).iterator();
      while (it.hasNext()) {
        out.append(repr(it.next())).append(it.hasNext() ? ", " : "");
      }
      return out.append(']').toString();
    }
    if (value instanceof Map) {
      StringBuilder out = new StringBuilder("{");
      Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        out.append(repr(e.getKey())).append(": ").append(repr(e.getValue())).append(it.hasNext() ? ", " : "");
      }
      return out.append('}').toString();
    }
    if (value instanceof Object[]) {
      return repr(java.util.Arrays.asList((Object[]) value));
    }
    return str(value);
  }

  /** @return Python's truth value: None, False, 0, "" and empty containers are false */
  public static boolean truthy(Object value) {
    if (value == null || value instanceof PyNone) {
      return false;
    }
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue() != 0;
    }
    if (value instanceof CharSequence) {
      return ((CharSequence) value).length() > 0;
    }
    if (value instanceof Collection) {
      return !((Collection<?>) value).isEmpty();
    }
    if (value instanceof Map) {
      return !((Map<?, ?>) value).isEmpty();
    }
    return true;
  }

  private static String reprString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }
}
