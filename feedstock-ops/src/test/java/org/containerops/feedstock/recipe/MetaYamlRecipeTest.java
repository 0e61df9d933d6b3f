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
import org.containerops.feedstock.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaYamlRecipeTest {
  @TempDir Path dir;

  private RenderedRecipe render(String meta, Map<String, String> variant, String subdir) throws IOException {
    Path f = Files.writeString(dir.resolve("meta.yaml"), meta);
    return MetaYamlRecipe.load(f).render(variant, subdir, subdir);
  }

  @Test
  void llvmdevOutputsDependOnThePlatform() {
    MetaYamlRecipe r = MetaYamlRecipe.load(Fixtures.feedstock("llvmdev-feedstock").resolve("recipe/meta.yaml"));
    assertEquals(List.of("llvmdev", "libllvm18", "llvm", "llvm-tools-18", "llvm-tools", "lit"),
        r.render(Map.of(), "linux-64", "linux-64").packageNames());
    assertEquals(List.of("llvmdev", "libllvm18", "llvm", "llvm-tools", "libllvm-c18"),
        r.render(Map.of(), "win-64", "win-64").packageNames());
    assertEquals(List.of("llvmdev", "libllvm18", "llvm", "llvm-tools-18", "llvm-tools"),
        r.render(Map.of(), "osx-arm64", "osx-64").packageNames());
  }

  @Test
  void selectorsSeePythonVersionAndVariantKeys() throws IOException {
    String meta = """
        package:
          name: demo
        build:
          skip: true  # [py<39 or python_impl == "pypy"]
        """;
    assertEquals(List.of(), render(meta, Map.of("python", "3.8.* *_cpython"), "linux-64").packageNames());
    assertEquals(List.of(), render(meta, Map.of("python", "3.10", "python_impl", "pypy"), "linux-64").packageNames());
    assertEquals(List.of("demo"), render(meta, Map.of("python", "3.12.* *_cpython"), "linux-64").packageNames());
  }

  @Test
  void jinjaUsesPythonStringMethodsAndSetVariables() throws IOException {
    String meta = """
        {% set version = "2.3.1" %}
        {% set name = "Demo-Pkg" %}
        package:
          name: {{ name|lower }}-{{ version.split(".")[0] }}
        outputs:
          - name: {{ "-".join(["lib", name.lower()]) }}
          - name: only-on-arm  # [aarch64]
        extra:
          parent_recipe:
            name: parent
        """;
    RenderedRecipe r = render(meta, Map.of(), "linux-64");
    assertEquals(List.of("lib-demo-pkg"), r.packageNames());
    assertEquals(Optional.of("parent"), r.feedstockName());
    assertEquals(List.of("lib-demo-pkg", "only-on-arm"), render(meta, Map.of(), "linux-aarch64").packageNames());
  }

  @Test
  void brokenYamlNamesTheFile() throws IOException {
    RecipeException e = assertThrows(RecipeException.class, () -> render("package: [unclosed\n", Map.of(), "linux-64"));
    assertTrue(e.getMessage().contains("meta.yaml"), e.getMessage());
  }

  @Test
  void variantSubdirComesFromTargetPlatformOrTheFileName() throws IOException {
    Path a = Files.writeString(dir.resolve("linux_python3.8.____cpython.yaml"), "python:\n- 3.8.* *_cpython\n");
    assertEquals("linux-64", Variant.load(a).subdir());
    Path b = Files.writeString(dir.resolve("osx_arm64_.yaml"), "target_platform:\n- osx-arm64\n");
    assertEquals("osx-arm64", Variant.load(b).subdir());
    assertEquals("linux-python3.8.", Variant.platformArch("linux_python3.8.____cpython.yaml"));
  }
}
