package org.containerops.dockerpkg.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.lib.exptest.ExpTest;

/**
 * Jinja2's {@code StrictUndefined} and Python {@code str()} for jinjava (upstream
 * dockerfile.py:18-21 uses {@code undefined=StrictUndefined}; see shared/reference/jinjava.md
 * "Hardened profile"). Unknown variables resolve to an {@link UndefinedValue} that fails when
 * printed, tested or concatenated; {@code defined}, {@code undefined} and {@code none} tests and
 * the {@code default}/{@code d} filters understand it. Printed values follow Python's
 * {@code str()}.
 */
final class StrictUndefined {
  private StrictUndefined() {}

  /** Installs the resolver, tests and filters on {@code jinjava}'s global context. */
  static void install(Jinjava jinjava) {
    Context global = jinjava.getGlobalContext();
    global.setDynamicVariableResolver(UndefinedValue::new);
    global.registerExpTest(test("defined", v -> v != null && !(v instanceof UndefinedValue)));
    global.registerExpTest(test("undefined", v -> v == null || v instanceof UndefinedValue));
    global.registerExpTest(test("none", v -> v == null || v instanceof PyNone));
    for (String name : new String[] {"default", "d"}) {
      global.registerFilter(new PyFilter(name, StrictUndefined::defaultFilter));
    }
  }

  /** Jinja2's {@code default(value, default_value='', boolean=False)}. */
  private static Object defaultFilter(Object value, Object[] args) {
    Object fallback = args.length > 0 ? args[0] : "";
    boolean onFalsy = args.length > 1 && PythonStr.truthy(args[1]) && !"false".equalsIgnoreCase(String.valueOf(args[1]));
    if (value == null || value instanceof UndefinedValue || (onFalsy && !PythonStr.truthy(value))) {
      return fallback;
    }
    return value;
  }

  private static ExpTest test(String name, java.util.function.Predicate<Object> predicate) {
    return new ExpTest() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
        return predicate.test(var);
      }
    };
  }

  /** Interpreters whose printed values follow Python's {@code str()}. */
  static final class PythonInterpreterFactory implements InterpreterFactory {
    @Override
    public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
      return new PythonInterpreter(orig);
    }

    @Override
    public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig config) {
      return new PythonInterpreter(application, context, config);
    }
  }

  private static final class PythonInterpreter extends JinjavaInterpreter {
    PythonInterpreter(JinjavaInterpreter orig) {
      super(orig);
    }

    PythonInterpreter(Jinjava application, Context context, JinjavaConfig config) {
      super(application, context, config);
    }

    @Override
    public String getAsString(Object object) {
      if (object instanceof UndefinedValue) {
        throw new UndefinedValue.UndefinedVariableException(((UndefinedValue) object).name());
      }
      return object == null ? "" : PythonStr.str(object);
    }
  }
}
