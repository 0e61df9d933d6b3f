package org.containerops.feedstock.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.containerops.feedstock.Fixtures;
import org.junit.jupiter.api.Test;

/** Facts from shared/reference/feedstock-ops.md §5 and the fixture recipes themselves. */
class FeedstockNamesParserTest {

  @Test
  void llvmdevGivesUpstreamsNamesAndSubdirs() {
    // upstream tests/test_parse_package_and_feedstock_names.py:10
    ParsedNames n = FeedstockNamesParser.parse(Fixtures.feedstock("llvmdev-feedstock"));
    assertEquals("llvmdev", n.feedstockName());
    assertEquals(Set.of("llvmdev", "libllvm18", "llvm", "llvm-tools-18", "llvm-tools", "libllvm-c18", "lit"),
        n.packageNames());
    assertEquals(Set.of("linux-64", "linux-aarch64", "linux-ppc64le", "win-64", "osx-64", "osx-arm64"), n.subdirs());
  }

  @Test
  void ngmixWithoutVariantFilesGivesNameAndEmptySets() {
    ParsedNames n = FeedstockNamesParser.parse(Fixtures.feedstock("ngmix-blah"));
    assertEquals("ngmix-split", n.feedstockName());
    assertTrue(n.packageNames().isEmpty());
    assertTrue(n.subdirs().isEmpty());
  }

  @Test
  void v1RecipeIsReadWithoutConda() {
    ParsedNames n = FeedstockNamesParser.parse(Fixtures.feedstock("v1-unsolvable-feedstock"));
    assertEquals("v1-unsolvable", n.feedstockName());
    assertEquals(Set.of("v1-unsolvable"), n.packageNames());
    assertEquals(Set.of("osx-arm64"), n.subdirs());
  }

  @Test
  void feedstockWithoutRecipeIsAClearError() {
    RecipeException e = assertThrows(RecipeException.class,
        () -> FeedstockNamesParser.parse(Fixtures.feedstock("test_feedstock")));
    assertTrue(e.getMessage().contains("no recipe"), e.getMessage());
    assertTrue(e.getMessage().contains("meta.yaml"), e.getMessage());
  }

  @Test
  void everyOtherFixtureGivesAResult() {
    for (String f : new String[] {"biopython-feedstock", "guiqwt-feedstock", "hpp-fcl-feedstock", "pandas-feedstock",
        "r-base-feedstock"}) {
      ParsedNames n = FeedstockNamesParser.parse(Fixtures.feedstock(f));
      assertTrue(!n.packageNames().isEmpty() && !n.subdirs().isEmpty(), f + ": " + n);
      System.err.println(f + " -> " + n);
    }
  }

  /** Issue 17 §3: parsing on the host never reads a file outside the feedstock through a link. */
  @Test
  void aRecipeLinkedOutsideTheFeedstockIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws java.io.IOException {
    java.nio.file.Path recipe = java.nio.file.Files.createDirectories(tmp.resolve("x-feedstock/recipe"));
    java.nio.file.Files.createSymbolicLink(recipe.resolve("meta.yaml"), java.nio.file.Path.of("/etc/passwd"));
    RecipeException e = assertThrows(RecipeException.class, () -> FeedstockNamesParser.parse(recipe.getParent()));
    assertTrue(e.getMessage().contains("leaves the feedstock") && e.getMessage().contains("/etc/passwd"), e.getMessage());
    assertTrue(!e.getMessage().contains("root:"), "never the contents");
  }
}
