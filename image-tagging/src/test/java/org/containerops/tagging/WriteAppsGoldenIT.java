package org.containerops.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TargetImage;
import org.containerops.tagging.api.WriteManifestResult;
import org.containerops.tagging.api.WriteManifestSpec;
import org.containerops.tagging.api.WriteTagsResult;
import org.containerops.tagging.api.WriteTagsSpec;
import org.containerops.tagging.hierarchy.ImageHierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * write-tags-file and write-manifest end to end on the test image tagged as
 * {@code localhost:5000/jupyter/julia-notebook} (a registry with a port; nothing is pushed), compared
 * byte for byte with golden files written by hand from the reference (see golden/julia-notebook/SOURCE.md).
 */
@ExtendWith(EngineExtension.class)
class WriteAppsGoldenIT {
  static final String IMAGE = "localhost:5000/jupyter/julia-notebook:latest";
  static final String BROKEN = "localhost:5000/containerops-test/broken:latest";
  static final String GOLDEN = "/org/containerops/tagging/golden/julia-notebook/";

  @BeforeAll
  static void tagImages(ContainerRuntime rt) {
    TaggingTestImages.tag(rt, TaggingTestImages.TOOLS, IMAGE);
    TaggingTestImages.tag(rt, TestImages.SANDBOX, BROKEN);
  }

  @AfterAll
  static void untagImages(ContainerRuntime rt) {
    TaggingTestImages.untag(rt, IMAGE);
    TaggingTestImages.untag(rt, BROKEN);
  }

  static ImageTagging tagging(ContainerRuntime rt, ImageHierarchy h) {
    return ImageTagging.builder().runtime(rt).clock(TaggingTestImages.CLOCK).git(TaggingTestImages.GIT)
        .platform(Platform.of("amd64")).hierarchy(h).build();
  }

  static String golden(String name) throws IOException {
    try (InputStream in = WriteAppsGoldenIT.class.getResourceAsStream(GOLDEN + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void tagsFileHistoryLineAndManifestMatchTheReferenceFormats(ContainerRuntime rt, @TempDir Path dir)
      throws Exception {
    TargetImage target = new TargetImage("localhost:5000", "jupyter", "julia-notebook", "default");
    try (ImageTagging t = tagging(rt, ImageHierarchy.jupyter())) {
      WriteTagsResult tags = t.writeTagsFile(new WriteTagsSpec(target, dir.resolve("tags")));
      assertEquals(dir.resolve("tags/x86_64-default-julia-notebook.txt"), tags.file());
      assertEquals(golden("x86_64-default-julia-notebook.txt"), Files.readString(tags.file()));
      try (ImageTagging sequential = ImageTagging.builder().runtime(rt).clock(TaggingTestImages.CLOCK)
          .git(TaggingTestImages.GIT).platform(Platform.of("x86_64")).parallelism(1).build()) {
        assertEquals(tags.tags(), sequential.writeTagsFile(new WriteTagsSpec(target, dir.resolve("seq"))).tags(),
            "one command at a time (upstream's order) gives the same tags");
      }

      WriteManifestResult m = t.writeManifest(new WriteManifestSpec(target, dir.resolve("hist_lines"),
          dir.resolve("manifests"), "jupyter/docker-stacks"));
      String base = "x86_64-default-julia-notebook-820938695049";
      assertEquals(dir.resolve("hist_lines/" + base + ".txt"), m.historyLineFile());
      String line = Files.readString(m.historyLineFile());
      assertEquals(golden(base + ".txt"), line);
      // the wiki's contract (wiki/update_wiki.py:159-170): starts with "| `", [3:10] is YYYY-MM
      assertTrue(line.startsWith("| `") && line.substring(3, 10).equals("2026-11"));

      String manifest = Files.readString(m.manifestFile());
      String aptOpen = "`apt list --installed`:\n\n```text\n";
      int aptStart = manifest.indexOf(aptOpen) + aptOpen.length();
      String apt = manifest.substring(aptStart, manifest.indexOf("\n```", aptStart));
      assertTrue(apt.contains("Listing...\n") && apt.contains("\npython3/"), apt);
      String size = docker("images", IMAGE, "--format", "{{.Size}}").strip();
      assertFalse(size.isEmpty());
      assertEquals(golden(base + ".md").replace("{image_size}", size).replace("{apt_list}", apt), manifest);
      // wiki/manifest_time.py: the 20 characters after "Build timestamp: " start with 20 and end with Z
      String ts = manifest.substring(manifest.indexOf("Build timestamp: ") + 17).substring(0, 20);
      assertTrue(ts.startsWith("20") && ts.endsWith("Z"), ts);
    }
  }

  @Test
  void failingTaggerNamesTaggerImageAndCommandAndLeavesNoContainer(ContainerRuntime rt, @TempDir Path dir) {
    ImageHierarchy h = ImageHierarchy.parse("images:\n  broken:\n    taggers: [commit_sha_tagger, python_tagger]\n",
        "test");
    TargetImage target = new TargetImage("localhost:5000", "containerops-test", "broken", "default");
    try (ImageTagging t = tagging(rt, h)) {
      TaggingException e = assertThrows(TaggingException.class,
          () -> t.writeTagsFile(new WriteTagsSpec(target, dir.resolve("tags"))));
      assertEquals(TaggingException.Reason.COMMAND_FAILED, e.reason());
      assertEquals("python_tagger", e.step().orElseThrow());
      assertEquals("localhost:5000/containerops-test/broken", e.image().orElseThrow());
      assertEquals("python --version", e.command().orElseThrow());
      assertTrue(e.getMessage().startsWith("python_tagger on localhost:5000/containerops-test/broken: Command: "
          + "`python --version` failed"), e.getMessage());
      assertFalse(Files.exists(dir.resolve("tags/x86_64-default-broken.txt")), "no tags file on failure");
    }
    rt.awaitRemovals();
    assertEquals(List.of(), ContainerTracker.listOurs(rt.client(), rt.sessionId()), "containers left behind");
  }

  @Test
  void missingImageIsReportedWithoutPulling(ContainerRuntime rt, @TempDir Path dir) {
    TargetImage target = new TargetImage("localhost:5000", "containerops-test", "julia-notebook", "default");
    try (ImageTagging t = tagging(rt, ImageHierarchy.jupyter())) {
      TaggingException e = assertThrows(TaggingException.class,
          () -> t.writeTagsFile(new WriteTagsSpec(target, dir.resolve("tags"))));
      assertEquals(TaggingException.Reason.IMAGE_NOT_FOUND, e.reason());
    }
  }

  static String docker(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}
