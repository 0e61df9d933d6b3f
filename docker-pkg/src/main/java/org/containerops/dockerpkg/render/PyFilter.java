package org.containerops.dockerpkg.render;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;
import java.util.Objects;

/**
 * A jinjava {@link Filter} made from a function of the input and the positional arguments, with
 * their types kept (jinjava's {@code String...} variant would turn them into strings).
 *
 * @param name the filter's name in templates
 * @param body computes the result; exceptions fail the render with their message
 */
record PyFilter(String name, Body body) implements Filter {

  /** The filter's computation. */
  @FunctionalInterface
  interface Body {
    Object apply(Object input, Object[] args);
  }

  PyFilter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    return body.apply(var, args == null ? new Object[0] : args);
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
    return body.apply(var, args == null ? new Object[0] : args);
  }
}
