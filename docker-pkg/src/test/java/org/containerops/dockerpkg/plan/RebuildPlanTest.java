package org.containerops.dockerpkg.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.PlanResult;
import org.containerops.dockerpkg.api.PlanSpec;
import org.containerops.dockerpkg.api.UpdateResult;
import org.containerops.dockerpkg.changelog.ChangelogAuthor;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageScanner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §2 on a real tree in a temp dir: base ← child ← grandchild (control and image_tag), and
 * an unrelated image. "Published" = the labels the build would put on each image, kept in memory;
 * the plan then compares the tree against them.
 */
class RebuildPlanTest {
  @TempDir Path tmp;
  private Path root;
  private DockerPkgConfig config;
  private final Map<String, Map<String, String>> published = new ConcurrentHashMap<>();
  private final Map<String, String> baseIds = new ConcurrentHashMap<>(Map.of("containerops/debian:bookworm", "sha256:aaa"));

  @BeforeEach
  void tree() throws IOException {
    root = tmp.resolve("images");
    config = ConfigLoader.merge(Map.of(), Map.of("registry", "127.0.0.1:5000", "namespace", "ns"));
    TestImages.image(root.resolve("base"), "base", "1.0-1", "FROM containerops/debian:bookworm\nRUN true", List.of());
    TestImages.image(root.resolve("child"), "child", "1.0-1", "FROM {{ 'base' | image_tag }}\nCOPY files /files",
        List.of("base"));
    Files.createDirectories(root.resolve("child/files"));
    Files.writeString(root.resolve("child/files/a.txt"), "a");
    Path gc = TestImages.image(root.resolve("grandchild"), "grandchild", "1.0-1",
        "FROM {{ 'child' | image_tag }}\nCOPY . /src", List.of("child"));
    Files.writeString(gc.resolve("app.conf"), "x=1\n");
    Files.createDirectories(gc.resolve("cache"));
    Files.writeString(gc.resolve("cache/tmp.bin"), "junk");
    Files.writeString(gc.resolve(".dockerignore"), "cache\n*.log\n");
    TestImages.image(root.resolve("other"), "other", "2.0", "FROM scratch", List.of());
    publishAll();
  }

  private DockerPkg pkg() {
    return new DockerPkg(config, DockerPkgListener.NONE);
  }

  /** What a build of every image would record. */
  private void publishAll() {
    InputHasher h = new InputHasher(config, new ImageScanner(1, DockerPkgListener.NONE).scan(root),
        ref -> Optional.ofNullable(baseIds.get(ref)));
    for (String name : List.of("base", "child", "grandchild", "other")) {
      published.put("127.0.0.1:5000/ns/" + name + ":" + (name.equals("other") ? "2.0" : "1.0-1"), h.inputs(name).labels());
    }
  }

  private PlanResult plan() {
    RecordedInputs recorded = label -> Optional.ofNullable(published.get(label.full()))
        .map(l -> new RecordedInputs.Found(l, "registry"));
    return pkg().plan(PlanSpec.all(root), recorded, ref -> Optional.ofNullable(baseIds.get(ref)));
  }

  private Map<String, List<String>> rebuilds() {
    Map<String, List<String>> m = new java.util.TreeMap<>();
    plan().images().stream().filter(PlanResult.Image::rebuild).forEach(i -> m.put(i.name(), i.reasons()));
    return m;
  }

  @Test
  void nothingChangedNothingRebuilds() {
    PlanResult p = plan();
    assertEquals(List.of("base", "child", "grandchild", "other"), p.images().stream().map(PlanResult.Image::name).sorted().toList());
    assertEquals(List.of(), p.rebuild());
    assertTrue(p.images().stream().allMatch(i -> i.recordedIn().equals("registry") && i.hash().startsWith("sha256:")));
  }

  @Test
  void oneFileChangedInTheGrandchildsContextRebuildsOnlyIt() throws IOException {
    Files.writeString(root.resolve("grandchild/app.conf"), "x=2\n");
    assertEquals(Map.of("grandchild", List.of("build context changed")), rebuilds());
  }

  @Test
  void changedBaseTemplateRebuildsTheChain() throws IOException {
    Files.writeString(root.resolve("base/Dockerfile.template"), "FROM containerops/debian:bookworm\nRUN echo new");
    assertEquals(Map.of("base", List.of("build context changed", "Dockerfile changed"),
        "child", List.of("parent base changed"),
        "grandchild", List.of("parent child changed")), rebuilds());
  }

  @Test
  void aNewBaseImageIdRebuildsTheChain() {
    baseIds.put("containerops/debian:bookworm", "sha256:bbb");
    assertEquals(Map.of("base", List.of("base image containerops/debian:bookworm changed"),
        "child", List.of("parent base changed"), "grandchild", List.of("parent child changed")), rebuilds());
  }

  @Test
  void touchingModificationTimesRebuildsNothing() throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
      }
    }
    assertEquals(Map.of(), rebuilds());
  }

  @Test
  void changesInDockerignoredPathsRebuildNothing() throws IOException {
    Files.move(root.resolve("grandchild/cache/tmp.bin"), root.resolve("grandchild/cache/renamed.bin"));
    Files.writeString(root.resolve("grandchild/cache/new.bin"), "more junk");
    Files.writeString(root.resolve("grandchild/build.log"), "log");
    assertEquals(Map.of(), rebuilds());
  }

  @Test
  void anExecutableBitOrAProxyChangeIsAnInput() throws IOException {
    root.resolve("child/files/a.txt").toFile().setExecutable(true);
    assertEquals(List.of("build context changed"), rebuilds().get("child"));
    root.resolve("child/files/a.txt").toFile().setExecutable(false);
    config = ConfigLoader.merge(Map.of(), Map.of("registry", "127.0.0.1:5000", "namespace", "ns",
        "http_proxy", "http://proxy.invalid:3128"));
    Map<String, List<String>> r = rebuilds();
    assertEquals(List.of("build args changed"), r.get("other"));
    assertEquals(4, r.size(), "every image gets the proxy build args");
  }

  @Test
  void imagesWithoutRecordedInputsAreRebuiltAndSayWhy() {
    published.remove("127.0.0.1:5000/ns/other:2.0");
    published.put("127.0.0.1:5000/ns/base:1.0-1", Map.of("org.containerops.managed", "true"));
    Map<String, List<String>> r = rebuilds();
    assertEquals(List.of("no image 127.0.0.1:5000/ns/other:2.0 published or built"), r.get("other"));
    assertEquals(List.of("image in the registry records no inputs (built without docker-pkg plan)"), r.get("base"));
    assertEquals(List.of("base", "other"), List.copyOf(r.keySet()));
  }

  @Test
  void updateChangedBumpsExactlyTheChangedImagesAndTheirDependents() throws IOException {
    Files.writeString(root.resolve("child/files/a.txt"), "b");
    DockerPkg pkg = pkg().withClock(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC))
        .withAuthor(new ChangelogAuthor("Jane Doe", "jane@example.org"));
    UpdateResult u = pkg.updateChanged(root, "Rebuild", plan());
    assertEquals(List.of("child 1.0-1-s1", "grandchild 1.0-1-s1"),
        u.updates().stream().map(e -> e.image() + " " + e.newVersion()).toList());
    String child = Files.readString(root.resolve("child/changelog"));
    assertTrue(child.startsWith("child (1.0-1-s1) wikimedia; urgency=high\n\n   Rebuild\n   build context changed\n"), child);
    assertTrue(Files.readString(root.resolve("grandchild/changelog"))
        .contains("   Refresh for update in parent image child:\n   Rebuild\n"));
    assertTrue(Files.readString(root.resolve("base/changelog")).startsWith("base (1.0-1)"), "base untouched");
    assertEquals(List.of(), pkg.updateChanged(root, "Rebuild", new PlanResult(List.of())).updates());
  }
}
