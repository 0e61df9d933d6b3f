package org.containerops.dockerpkg.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TemplateSourceTest {
  @Test
  void dropsOneFinalNewlineAndNormalisesLineEnds() {
    assertEquals("a\nb\n", TemplateSource.prepare("a\r\nb\r\n\r\n"));
    assertEquals("a", TemplateSource.prepare("a\n"));
    assertEquals("a", TemplateSource.prepare("a"));
  }

  @Test
  void backslashNewlineInALiteralVanishesAndTheLineComesBackAfterIt() {
    assertEquals("{{ \"a b\"\n | f }}", TemplateSource.prepare("{{ \"a \\\nb\" | f }}\n"));
  }

  @Test
  void pythonEscapesAreDecodedAndReEscapedForJinjava() {
    assertEquals("{{ 'A\\'\\\\B\u0007' }}", TemplateSource.prepare("{{ '\\x41\\x27\\x5cB\\a' }}"));
    assertEquals("{{ '\\\\d \\n \\t' }}", TemplateSource.prepare("{{ '\\d \\n \\t' }}"));
    assertEquals("{% set x = \"\u00e9A\" %}", TemplateSource.prepare("{% set x = \"\\u00e9\\101\" %}"));
  }

  @Test
  void textCommentsAndRawBlocksAreUntouched() {
    String text = "RUN echo 'a\\x41' \\\n{# '\\x41' #}{% raw %}{{ '\\x41' }}{% endraw %}";
    assertEquals(text, TemplateSource.prepare(text));
  }

  @Test
  void expressionWhitespaceControlIsDoneHereKeepingLineCount() {
    assertEquals("a{{-\n x }}b", TemplateSource.prepare("a \n {{- x }}b"));
    assertEquals("a{{ x \n\n-}}b", TemplateSource.prepare("a{{ x -}}\n \n b"));
  }
}
