package org.containerops.recipe.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 §2: build order from build/host/run requirements, stable for independent recipes. */
class RecipeOrderTest {
  @TempDir Path tmp;

  private Path recipe(String dir, String metaYaml) throws IOException {
    Path d = Files.createDirectories(tmp.resolve(dir));
    Files.writeString(d.resolve("meta.yaml"), metaYaml);
    return d;
  }

  private Path simple(String name, String section, String... deps) throws IOException {
    StringBuilder y = new StringBuilder("package:\n  name: " + name + "\n  version: '1.0'\nrequirements:\n  "
        + section + ":\n");
    for (String d : deps) {
      y.append("    - ").append(d).append('\n');
    }
    return recipe(name, y.toString());
  }

  private List<String> order(Path... recipes) {
    return RecipeOrder.sort(List.of(recipes), p -> RecipeRequirements.read(p, "linux-64")).stream()
        .map(p -> p.getFileName().toString()).toList();
  }

  @Test
  void dependencyComesFirstWhateverSectionNamesIt() throws IOException {
    Path one = simple("one", "run", "python");
    assertEquals(List.of("one", "two"), order(simple("two", "host", "one >=1.0"), one));
    assertEquals(List.of("one", "b"), order(simple("b", "build", "one 1.0.*"), one));
    assertEquals(List.of("one", "r"), order(simple("r", "run", "one"), one));
  }

  @Test
  void independentRecipesKeepTheGivenOrder() throws IOException {
    Path c = simple("c", "run", "zlib");
    Path a = simple("a", "run", "zlib");
    Path b = simple("b", "host", "a");
    Path d = simple("d", "run", "samtools");
    assertEquals(List.of("c", "a", "b", "d"), order(c, b, a, d));
    assertEquals(List.of("d", "c", "a", "b"), order(d, c, b, a));
  }

  @Test
  void outputsNamesAreProvidedByTheirRecipe() throws IOException {
    Path multi = recipe("multi", "package:\n  name: multi\n  version: 1\noutputs:\n  - name: libmulti\n  - name: multi-data\n");
    Path user = simple("user", "host", "libmulti");
    assertEquals(List.of("multi", "user"), order(user, multi));
  }

  @Test
  void jinjaSetValuesAndSelectorsAreApplied() throws IOException {
    Path one = recipe("one", "{% set name = \"One\" %}\npackage:\n  name: {{ name|lower }}\n  version: {{ version }}\n");
    Path two = recipe("two", """
        {% set dep = "one" %}
        package:
          name: two
          version: "2"
        requirements:
          host:
            - {{ dep }} >=1
            - {{ compiler('c') }}
            - three  # [osx]
            - four   # [linux and not aarch64]
        """);
    Path three = simple("three", "host", "two");
    Path four = simple("four", "run", "zlib");
    assertEquals(List.of("one", "four", "two", "three"), order(three, two, one, four),
        "two needs one and four (linux-64) but not three (osx only): no cycle");
    assertEquals(List.of("one", "two", "four"), RecipeOrder.sort(List.of(two, one, four),
        p -> RecipeRequirements.read(p, "linux-aarch64")).stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void aCycleIsAnErrorNamingIt() throws IOException {
    Path a = simple("a", "host", "b");
    Path b = simple("b", "run", "c");
    Path c = simple("c", "build", "a");
    Path free = simple("free", "run", "zlib");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> order(free, a, b, c));
    assertTrue(e.getMessage().startsWith("dependency cycle between the recipes: a -> b -> c -> a (recipes "),
        e.getMessage());
    assertTrue(e.getMessage().contains(a.toString()) && e.getMessage().contains(c.toString()), e.getMessage());
  }

  @Test
  void aRecipeNeedingItsOwnNameIsNoCycle() throws IOException {
    assertEquals(List.of("self"), order(simple("self", "host", "self")));
  }

  @Test
  void unreadableMetaYamlIsNamed() throws IOException {
    Path bad = recipe("bad", "package:\n  name: bad\nbuild:\n  number: 0: oops\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecipeRequirements.read(bad, "linux-64"));
    assertTrue(e.getMessage().startsWith(bad.resolve("meta.yaml") + ": cannot read it for the build order"), e.getMessage());
  }

  @Test
  void selectorsEvaluateForTheSubdir() {
    assertEquals(true, Selector.evaluate("linux and not aarch64", "linux-64"));
    assertEquals(false, Selector.evaluate("linux and not aarch64", "linux-aarch64"));
    assertEquals(false, Selector.evaluate("osx or win", "linux-64"));
    assertEquals(true, Selector.evaluate("(osx or linux64) and unix", "linux-64"));
    assertEquals(null, Selector.evaluate("py>=38", "linux-64"));
    assertEquals(null, Selector.evaluate("linux and", "linux-64"));
  }
}
