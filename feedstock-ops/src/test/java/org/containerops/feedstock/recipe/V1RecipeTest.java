package org.containerops.feedstock.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void olderCacheOutputAndTopLevelCacheAreBuildStages() throws IOException {
    Path f = Files.writeString(dir.resolve("recipe.yaml"), """
        recipe:
          name: split
        cache:
          build:
            script: ${{ some_build_only_function("x") }}
        outputs:
          - cache:
              name: split-cache
            build:
              script: build.sh
          - package:
              name: split-lib
            inherit: split-cache
          - package:
              name: split-dev
        """);
    assertEquals(List.of("split-lib", "split-dev"), V1Recipe.load(f).render(Map.of(), "linux-64", "linux-64").packageNames());
  }

  @Test
  void selectorAsMappingValueAndNestedInThenLists() throws IOException {
    Path f = Files.writeString(dir.resolve("recipe.yaml"), """
        context:
          a: x
          b: ${{ a }}y
          c: ${{ b }}z
          d:
            if: win
            then: ${{ c }}-win
            else: ${{ c }}-other
        recipe:
          name: r
        outputs:
          - package:
              name: ${{ d }}
            build:
              skip:
                if: osx
                then: true
          - if: unix
            then:
              - if: linux
                then:
                  - if: aarch64
                    then:
                      package:
                        name: deep-aarch64
                    else:
                      - package:
                          name: deep-linux-${{ target_platform }}
        """);
    V1Recipe r = V1Recipe.load(f);
    assertEquals(List.of("xyz-other", "deep-aarch64"), r.render(Map.of(), "linux-aarch64", "linux-64").packageNames());
    assertEquals(List.of("xyz-other", "deep-linux-linux-64"), r.render(Map.of(), "linux-64", "linux-64").packageNames());
    assertEquals(List.of(), r.render(Map.of(), "osx-64", "osx-64").packageNames());
    assertEquals(List.of("xyz-win"), r.render(Map.of(), "win-64", "win-64").packageNames());
  }

  @Test
  void everyOutputSkippedGivesNoNamesNotTheRecipeName() throws IOException {
    Path f = Files.writeString(dir.resolve("recipe.yaml"), """
        recipe:
          name: only-linux
        outputs:
          - if: linux
            then:
              package:
                name: only-linux-lib
        """);
    assertEquals(List.of(), V1Recipe.load(f).render(Map.of(), "win-64", "win-64").packageNames());
  }

  @Test
  void buildOnlyFunctionsAndEnvNeverFailAParse() throws IOException {
    Path f = Files.writeString(dir.resolve("recipe.yaml"), """
        context:
          flavour: ${{ env.get("FLAVOUR", default="plain") }}
          present: ${{ env.exists("HOME") }}
        package:
          name: p-${{ flavour }}-${{ present }}
        requirements:
          build:
            - ${{ compiler("c") }}
            - ${{ stdlib("c") }}
            - ${{ not_a_known_function("x") }}
          run:
            - ${{ pin_compatible("numpy", upper_bound="x.x") }}
        build:
          script: echo {% raw %} ${{ PREFIX }}
          skip:
            - is_unset(python)
        """);
    V1Recipe r = V1Recipe.load(f);
    assertEquals(List.of(), r.render(Map.of(), "linux-64", "linux-64").packageNames());
    assertEquals(List.of("p-plain-false"), r.render(Map.of("python", "3.12"), "linux-64", "linux-64").packageNames());
  }

  @Test
  void anOutputWithoutPackageOrStagingNameIsAnErrorNamingTheFileAndOutput() throws IOException {
    Path f = Files.writeString(dir.resolve("recipe.yaml"), """
        recipe:
          name: r
        outputs:
          - package:
              name: ok
          - build:
              script: x
        """);
    RecipeException e = assertThrows(RecipeException.class,
        () -> V1Recipe.load(f).render(Map.of(), "linux-64", "linux-64"));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("outputs[2]"), e.getMessage());
  }
}
