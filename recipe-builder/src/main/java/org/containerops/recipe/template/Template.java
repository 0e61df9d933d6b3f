package org.containerops.recipe.template;

import java.util.Map;
import java.util.TreeMap;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;

/**
 * A strict {@code str.format}-style substitutor for the Dockerfile, build-script and build-command
 * templates (upstream renders them with {@code str.format_map}, {@code docker_utils.py:355-360},
 * {@code :462-464}).
 *
 * <p>{@code {name}} is replaced by the value of {@code name}; {@code {{} and {@code }}} stand for
 * literal braces (so bash's {@code ${x}} is written {@code ${{x}}}, as upstream). An unknown name or a
 * lone brace is an error naming the template and the known names (upstream: arbitrary attribute access
 * on {@code self}, B18). Upstream's names ({@code {self.container_staging}}, {@code {self.container_recipe}},
 * {@code {self.conda_build_args}}, {@code {self.conda_pkg_format}}, {@code {self.user_info[uid]}}) are
 * accepted as aliases when the caller passes them in the values.
 */
public final class Template {
  private final String what;
  private final String text;

  /** @param what the template's name for errors, e.g. {@code build-script template} */
  public Template(String what, String text) {
    this.what = what;
    this.text = text;
  }

  /**
   * Renders the template.
   *
   * @param values placeholder name to value
   * @return the text with every placeholder replaced
   * @throws RecipeBuilderException {@link Reason#TEMPLATE} for an unknown placeholder or a lone brace
   */
  public String render(Map<String, String> values) {
    StringBuilder out = new StringBuilder(text.length() + 256);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int end = text.indexOf('}', i);
        if (end < 0) {
          throw error("single '{' at offset " + i);
        }
        String name = text.substring(i + 1, end);
        String value = values.get(name);
        if (value == null) {
          throw error("unknown placeholder {" + name + "} (line " + line(i) + "); known: "
              + String.join(", ", new TreeMap<>(values).keySet().stream().map(k -> "{" + k + "}").toList())
              + "; write {{ and }} for literal braces");
        }
        out.append(value);
        i = end + 1;
      } else if (c == '}') {
        throw error("single '}' at line " + line(i) + "; write }} for a literal brace");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private int line(int offset) {
    int n = 1;
    for (int k = 0; k < offset; k++) {
      if (text.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  private RecipeBuilderException error(String detail) {
    return new RecipeBuilderException(Reason.TEMPLATE, what + ": " + detail);
  }
}
