package org.containerops.recipe.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.containerops.recipe.api.DefaultTemplates;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.junit.jupiter.api.Test;

class TemplateTest {
  @Test
  void replacesPlaceholdersAndDoubledBracesLikeStrFormat() {
    String out = new Template("t", "for c in a; do echo ${{c}} {{}} {staging}; done; {self.user_info[uid]}")
        .render(Map.of("staging", "/opt/host-conda-bld", "self.user_info[uid]", "4242"));

    assertEquals("for c in a; do echo ${c} {} /opt/host-conda-bld; done; 4242", out);
  }

  @Test
  void unknownPlaceholderFailsNamingTemplateLineAndKnownNames() {
    RecipeBuilderException e = assertThrows(RecipeBuilderException.class,
        () -> new Template("build-script template", "ok\n{self.docker_base_image}").render(Map.of("recipe", "/r")));

    assertEquals(Reason.TEMPLATE, e.reason());
    assertEquals("build-script template: unknown placeholder {self.docker_base_image} (line 2); known: {recipe};"
        + " write {{ and }} for literal braces", e.getMessage());
  }

  @Test
  void loneBracesFail() {
    assertThrows(RecipeBuilderException.class, () -> new Template("t", "echo ${x").render(Map.of()));
    assertThrows(RecipeBuilderException.class, () -> new Template("t", "echo }").render(Map.of()));
  }

  @Test
  void defaultTemplatesUseOnlyDocumentedPlaceholders() {
    Map<String, String> values = Map.ofEntries(Map.entry("staging", "S"), Map.entry("recipe", "R"),
        Map.entry("output", "O"), Map.entry("script", "X"), Map.entry("build_args", "A"), Map.entry("arch", "linux-64"),
        Map.entry("pkg_format", ""), Map.entry("uid", "1"), Map.entry("gid", "2"), Map.entry("build_command", "CMD"));
    String script = new Template("s", DefaultTemplates.BUILD_SCRIPT).render(values);
    String command = new Template("c", DefaultTemplates.BUILD_COMMAND).render(values);
    String dockerfile = new Template("d", DefaultTemplates.DOCKERFILE)
        .render(Map.of("docker_base_image", "base:1", "proxies", ""));

    assertEquals("conda-build -c file://S A R/meta.yaml 2>&1", command);
    assertTrue(script.contains("\nCMD\n") && script.contains("cp -t 'O' --"), script);
    assertEquals("FROM base:1\n\nRUN find /opt/conda \\! -group lucky -exec chgrp --no-dereference lucky {} +"
        + " \\! -type l -exec chmod g=u {} +\n", dockerfile);
  }

  @Test
  void shellQuoteMatchesShlexQuote() {
    assertEquals("-e /opt/x/conda_build_config_0_-e_a.yaml 'with space' 'it'\"'\"'s' ''",
        ShellQuote.join(List.of("-e", "/opt/x/conda_build_config_0_-e_a.yaml", "with space", "it's", "")));
  }
}
