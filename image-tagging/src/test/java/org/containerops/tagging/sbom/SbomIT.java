package org.containerops.tagging.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.TaggingTestImages;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.TargetImage;
import org.containerops.tagging.api.WriteManifestResult;
import org.containerops.tagging.api.WriteManifestSpec;
import org.containerops.tagging.hierarchy.ImageHierarchy;
import org.containerops.tagging.runner.ImageRunner;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** write-manifest --sbom on real images: schema-valid CycloneDX whose counts match the image's own lists. */
@ExtendWith(EngineExtension.class)
class SbomIT {
  static final String FULL = "localhost:5000/containerops-test/sbom-full";
  static final String BARE = "localhost:5000/containerops-test/sbom-bare";
  static final ImageHierarchy TREE = ImageHierarchy.parse("images:\n  sbom-full:\n    taggers: [commit_sha_tagger]\n"
      + "    manifests: [apt_packages_manifest]\n  sbom-bare:\n    taggers: [commit_sha_tagger]\n", "test");
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void tagImages(ContainerRuntime rt) {
    TaggingTestImages.tag(rt, TaggingTestImages.TRUSTED, FULL + ":latest");
    TaggingTestImages.tag(rt, TestImages.BASE, BARE + ":latest");
  }

  @AfterAll
  static void untagImages(ContainerRuntime rt) {
    TaggingTestImages.untag(rt, FULL + ":latest");
    TaggingTestImages.untag(rt, BARE + ":latest");
  }

  static WriteManifestResult writeWithSbom(ContainerRuntime rt, Path dir, String image) {
    try (ImageTagging t = ImageTagging.builder().runtime(rt).clock(TaggingTestImages.CLOCK).git(TaggingTestImages.GIT)
        .platform(Platform.of("x86_64")).hierarchy(TREE).build()) {
      return t.writeManifest(new WriteManifestSpec(new TargetImage("localhost:5000", "containerops-test", image,
          "default"), dir.resolve("hist"), dir.resolve("manifests"), "me/images", true));
    }
  }

  static Map<String, List<JsonNode>> bySource(JsonNode bom) {
    Map<String, List<JsonNode>> out = new HashMap<>();
    for (JsonNode c : bom.get("components")) {
      out.computeIfAbsent(c.get("properties").get(0).get("value").asText(), k -> new ArrayList<>()).add(c);
    }
    return out;
  }

  static Map<String, String> properties(JsonNode node) {
    Map<String, String> out = new HashMap<>();
    node.get("properties").forEach(p -> out.merge(p.get("name").asText(), p.get("value").asText(), (a, b) -> a + " " + b));
    return out;
  }

  @Test
  void sbomBesideTheManifestIsValidCycloneDxWithTheImagesPackages(ContainerRuntime rt, @TempDir Path dir)
      throws Exception {
    WriteManifestResult r = writeWithSbom(rt, dir, "sbom-full");
    Path sbom = r.sbomFile().orElseThrow();
    assertEquals(dir.resolve("manifests/x86_64-default-sbom-full-820938695049.cdx.json"), sbom);
    assertEquals(List.of(), new JsonParser().validate(sbom.toFile(), CycloneDxSbom.VERSION), "schema errors");
    JsonNode bom = JSON.readTree(sbom.toFile());
    assertEquals("CycloneDX", bom.get("bomFormat").asText());
    assertEquals("1.6", bom.get("specVersion").asText());

    // the image's own lists, read independently
    int aptLines;
    JsonNode pipList;
    try (ImageRunner c = ImageRunner.start(rt, FULL, Duration.ofMinutes(2))) {
      List<String> apt = c.exec("apt list --installed").lines().toList();
      aptLines = apt.size() - apt.indexOf("Listing...") - 1;
      pipList = JSON.readTree(c.exec("pip list --format json"));
    }
    Map<String, List<JsonNode>> sections = bySource(bom);
    assertEquals(aptLines, sections.get("apt").size(), "apt: one component per `apt list --installed` line");
    assertTrue(aptLines > 100, "a Debian image has more than 100 packages: " + aptLines);
    // conda-trusted-double lists python, zlib, setuptools (conda-forge) and wheel (channel pypi)
    assertEquals(List.of("pkg:conda/python@3.11.2?build=h2755cc3_0_cpython&channel=conda-forge&subdir=linux-64",
        "pkg:conda/zlib@1.3.1?build=hb9d3cd8_2&channel=conda-forge&subdir=linux-64",
        "pkg:conda/setuptools@66.1.1?build=pyhd8ed1ab_0&channel=conda-forge&subdir=noarch"),
        sections.get("conda").stream().map(c -> c.get("purl").asText()).toList());
    // pip's list minus setuptools (conda's); wheel (conda channel pypi) stays pip's
    assertEquals(pipList.size() - 1, sections.get("pip").size());
    assertTrue(sections.get("pip").stream().anyMatch(c -> c.get("purl").asText().equals("pkg:pypi/wheel@0.38.4")));
    assertTrue(sections.get("pip").stream().noneMatch(c -> c.get("name").asText().equals("setuptools")));
    assertTrue(sections.get("apt").stream().anyMatch(c -> c.get("purl").asText()
        .matches("pkg:deb/debian/python3@[^?]+\\?arch=amd64&distro=debian-12")));

    JsonNode image = bom.get("metadata").get("component");
    assertEquals("container", image.get("type").asText());
    assertEquals(FULL, image.get("name").asText());
    String id = rt.client().inspectImageCmd(FULL + ":latest").exec().getId();
    assertEquals(id.substring(7), image.get("hashes").get(0).get("content").asText());
    assertEquals(TaggingTestImages.GIT.commitHash(), image.get("pedigree").get("commits").get(0).get("uid").asText());
    assertEquals(id, properties(image).get("containerops:image:id"));
    assertEquals("2026-11-22T02:14:00Z", bom.get("metadata").get("timestamp").asText());
    Map<String, String> md = properties(bom.get("metadata"));
    assertEquals("found", md.get("containerops:sbom:tool:dpkg-query"));
    assertEquals("found", md.get("containerops:sbom:tool:conda"));
    assertEquals("found", md.get("containerops:sbom:tool:pip"));
    assertEquals(String.valueOf(aptLines), md.get("containerops:sbom:count:apt"));
  }

  @Test
  void missingPackageManagersGiveEmptySectionsAndAreNamed(ContainerRuntime rt, @TempDir Path dir) throws Exception {
    Path sbom = writeWithSbom(rt, dir, "sbom-bare").sbomFile().orElseThrow();
    assertEquals(List.of(), new JsonParser().validate(sbom.toFile(), CycloneDxSbom.VERSION), "schema errors");
    JsonNode bom = JSON.readTree(sbom.toFile());
    Map<String, List<JsonNode>> sections = bySource(bom);
    assertTrue(sections.get("apt").size() > 50, "minbase Debian still has dpkg packages");
    assertEquals(null, sections.get("conda"));
    assertEquals(null, sections.get("pip"));
    Map<String, String> md = properties(bom.get("metadata"));
    assertEquals("found", md.get("containerops:sbom:tool:dpkg-query"));
    assertEquals("not found", md.get("containerops:sbom:tool:conda"));
    assertEquals("not found", md.get("containerops:sbom:tool:mamba"));
    assertEquals("not found", md.get("containerops:sbom:tool:pip"));
    assertEquals("0", md.get("containerops:sbom:count:conda"));
    rt.awaitRemovals();
    assertEquals(List.of(), ContainerTracker.listOurs(rt.client(), rt.sessionId()), "containers left behind");
  }
}
