package org.containerops.feedstock.recipe;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.Map;

/**
 * jinjava set up for conda recipes: Python string methods, conda-build's functions as stubs,
 * undefined names render empty (conda-build's {@code permit_undefined_jinja} during name
 * rendering), the final newline kept. One instance per thread.
 */
final class JinjaRenderer {
  private final Jinjava jinjava;

  JinjaRenderer() {
    jinjava = new Jinjava(JinjavaConfig.newBuilder()
        .withKeepTrailingNewline(true)
        .withNestedInterpretationEnabled(false)
        .withElResolver(PythonMethods.chain())
        .build());
    for (String[] d : RecipeFunctions.definitions()) {
      try {
        jinjava.registerFunction(new ELFunctionDefinition("", d[0],
            RecipeFunctions.class.getMethod(d[1], Object[].class)));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no function " + d[1], e);
      }
    }
  }

  /**
   * Renders a template.
   *
   * @param source the template text
   * @param where names the template in error messages
   * @param context variables
   * @throws RecipeException for a syntax error or a failing function
   */
  String render(String source, String where, Map<String, ?> context) {
    RenderResult r = jinjava.renderForResult(source, context);
    for (TemplateError e : r.getErrors()) {
      if (e.getSeverity() == ErrorType.FATAL) {
        throw new RecipeException(where + ":" + e.getLineno() + ": "
            + e.getMessage().lines().findFirst().orElse(e.getMessage()));
      }
    }
    return r.getOutput();
  }

  /** Python truth of a Jinja expression, e.g. {@code unix and py >= 310}; undefined names are false. */
  boolean test(String expression, String where, Map<String, ?> context) {
    String out = render("{% if " + expression + " %}1{% else %}0{% endif %}", where, context);
    return "1".equals(out.strip());
  }
}
