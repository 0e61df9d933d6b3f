package org.containerops.feedstock.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V1RecipeTest {
  @TempDir Path dir;

  @Test
  void contextIfThenAndSkipAreEvaluatedPerVariant() throws IOException {
    Path f = Files.writeString(dir.resolve("recipe.yaml"), """
        context:
          name: mylib
          major: "3"
          full: ${{ name }}${{ major }}
        recipe:
          name: ${{ name }}-split
        outputs:
          - package:
              name: ${{ full }}
          - if: win
            then:
              package:
                name: ${{ name }}-win-only
          - package:
              name: ${{ name }}-tools
            build:
              skip:
                - osx
                - win
        extra:
          feedstock-name: ${{ name }}
        """);
    V1Recipe r = V1Recipe.load(f);
    RenderedRecipe linux = r.render(Map.of(), "linux-64", "linux-64");
    assertEquals(List.of("mylib3", "mylib-tools"), linux.packageNames());
    assertEquals(Optional.of("mylib"), linux.feedstockName());
    assertEquals(List.of("mylib3", "mylib-win-only"), r.render(Map.of(), "win-64", "win-64").packageNames());
    assertEquals(List.of("mylib3"), r.render(Map.of(), "osx-arm64", "osx-64").packageNames());
  }
}
