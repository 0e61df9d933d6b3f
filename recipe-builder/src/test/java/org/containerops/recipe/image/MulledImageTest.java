package org.containerops.recipe.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MulledImageTest {
  @Test
  void specBecomesUpstreamsImageReference() { // docker_utils.py:512-519
    assertEquals("quay.io/biocontainers/samtools:1.17--h00cdaf9_0",
        MulledImage.parse("quay.io", "biocontainers", "samtools=1.17--h00cdaf9_0").reference());
    assertEquals("quay.io/biocontainers/r-a--b:2.0--r43_1",
        MulledImage.parse("quay.io", "biocontainers", "r-a--b=2.0--r43_1").reference());
  }

  @ParameterizedTest
  @ValueSource(strings = {"samtools", "samtools=1.17", "samtools--h0", "=1.0--h0", "a=--h0", "a=1.0--", "a b=1--h"})
  void malformedSpecFailsNamingIt(String spec) {
    RecipeBuilderException e = assertThrows(RecipeBuilderException.class,
        () -> MulledImage.parse("quay.io", "biocontainers", spec));

    assertEquals(Reason.BAD_SPEC, e.reason());
    assertTrue(e.getMessage().startsWith("malformed image spec '" + spec + "': want name=version--build"), e.getMessage());
  }

  @Test
  void badTargetFails() {
    assertThrows(RecipeBuilderException.class, () -> MulledImage.parse("quay.io", "Bio Containers", "a=1--h"));
  }
}
