package org.containerops.tagging.hierarchy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.manifest.Manifest;
import org.containerops.tagging.tagger.Tagger;
import org.junit.jupiter.api.Test;

class ImageHierarchyTest {
  static final List<String> FOUNDATION = List.of("commit_sha_tagger", "date_tagger", "ubuntu_version_tagger",
      "python_major_minor_tagger", "python_tagger", "mamba_tagger", "conda_tagger");
  static final List<String> BASE = concat(FOUNDATION, List.of("jupyter_notebook_tagger", "jupyter_lab_tagger",
      "jupyter_hub_tagger"));

  static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  static List<String> taggers(String image) {
    return ImageHierarchy.jupyter().taggers(image).stream().map(Tagger::name).toList();
  }

  static List<String> manifests(String image) {
    return ImageHierarchy.jupyter().manifests(image).stream().map(Manifest::name).toList();
  }

  @Test
  void jupyterTreeHasUpstreamsElevenImagesInBuildOrder() {
    assertEquals(List.of("docker-stacks-foundation", "base-notebook", "minimal-notebook", "scipy-notebook",
        "r-notebook", "julia-notebook", "tensorflow-notebook", "pytorch-notebook", "datascience-notebook",
        "pyspark-notebook", "all-spark-notebook"), ImageHierarchy.jupyter().imageNames());
  }

  @Test
  void taggersAndManifestsAreInheritedParentFirst() {
    List<String> fm = List.of("conda_environment_manifest", "apt_packages_manifest");
    assertEquals(FOUNDATION, taggers("docker-stacks-foundation"));
    assertEquals(fm, manifests("docker-stacks-foundation"));
    for (String image : List.of("base-notebook", "minimal-notebook", "scipy-notebook")) {
      assertEquals(BASE, taggers(image));
      assertEquals(fm, manifests(image));
    }
    assertEquals(concat(BASE, List.of("r_tagger")), taggers("r-notebook"));
    assertEquals(concat(fm, List.of("r_packages_manifest")), manifests("r-notebook"));
    assertEquals(concat(BASE, List.of("julia_tagger")), taggers("julia-notebook"));
    assertEquals(concat(fm, List.of("julia_packages_manifest")), manifests("julia-notebook"));
    assertEquals(concat(BASE, List.of("tensorflow_tagger")), taggers("tensorflow-notebook"));
    assertEquals(concat(BASE, List.of("pytorch_tagger")), taggers("pytorch-notebook"));
    assertEquals(fm, manifests("pytorch-notebook"));
    assertEquals(concat(BASE, List.of("r_tagger", "julia_tagger")), taggers("datascience-notebook"));
    assertEquals(concat(fm, List.of("r_packages_manifest", "julia_packages_manifest")),
        manifests("datascience-notebook"));
    assertEquals(concat(BASE, List.of("spark_tagger", "java_tagger")), taggers("pyspark-notebook"));
    assertEquals(concat(fm, List.of("spark_info_manifest")), manifests("pyspark-notebook"));
    assertEquals(concat(BASE, List.of("spark_tagger", "java_tagger", "r_tagger")), taggers("all-spark-notebook"));
    assertEquals(concat(fm, List.of("spark_info_manifest", "r_packages_manifest")), manifests("all-spark-notebook"));
  }

  @Test
  void unknownImageIsAnErrorListingTheKnownOnes() {
    TaggingException e = assertThrows(TaggingException.class, () -> ImageHierarchy.jupyter().taggers("nope"));
    assertEquals(TaggingException.Reason.HIERARCHY, e.reason());
    assertTrue(e.getMessage().contains("'nope' is not in the hierarchy"), e.getMessage());
  }

  @Test
  void customTreeIsReadAndDuplicatesAreKeptAsUpstream() {
    ImageHierarchy h = ImageHierarchy.parse("images:\n  root:\n    taggers: [r_tagger]\n"
        + "  child:\n    parent: root\n    taggers: [r_tagger]\n", "custom.yaml");
    assertEquals(List.of("r_tagger", "r_tagger"), h.taggers("child").stream().map(Tagger::name).toList());
    assertEquals(List.of(), h.manifests("child"));
  }

  @Test
  void invalidTreesAreRejectedNamingTheFileAndTheProblem() {
    assertBad("images:\n  a:\n    taggers: [nope_tagger]\n", "unknown tagger 'nope_tagger'");
    assertBad("images:\n  a:\n    parent: b\n", "unknown parent b");
    assertBad("images:\n  a:\n    parent: b\n  b:\n    parent: a\n", "parent cycle");
    assertBad("imgs: {}\n", "want a mapping 'images:'");
    assertBad("images: [\n", "not valid YAML");
  }

  static void assertBad(String yaml, String expected) {
    TaggingException e = assertThrows(TaggingException.class, () -> ImageHierarchy.parse(yaml, "t.yaml"));
    assertTrue(e.getMessage().startsWith("hierarchy t.yaml: ") && e.getMessage().contains(expected), e.getMessage());
  }
}
