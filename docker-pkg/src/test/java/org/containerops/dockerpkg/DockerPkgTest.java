package org.containerops.dockerpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.RenderResult;
import org.containerops.dockerpkg.api.RenderSpec;
import org.containerops.dockerpkg.api.UpdateSpec;
import org.containerops.dockerpkg.changelog.ChangelogAuthor;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.select.Glob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerPkgTest {
  static final DockerPkgConfig CORPUS_CONFIG = ConfigLoader.merge(Map.of(), ConfigLoader.read(Fixtures.corpus().resolve("config.yaml")));

  @TempDir Path tmp;
  final List<String> warnings = new ArrayList<>();
  final DockerPkgListener recorder = new DockerPkgListener() {
    @Override
    public synchronized void warning(String image, String message) {
      warnings.add(image + ": " + message);
    }
  };

  @Test
  void selectRendersOnlyMatchingLabelsAndWarnsAboutUndeclaredReferences() throws IOException {
    DockerPkg pkg = new DockerPkg(CORPUS_CONFIG, recorder);
    Path out = tmp.resolve("out");
    RenderResult r = pkg.render(new RenderSpec(Fixtures.corpusImages(), out, Optional.of(new Glob("*/openjdk-8-j*"))));
    assertEquals(List.of("openjdk-8-jdk", "openjdk-8-jdk-bookworm", "openjdk-8-jre", "openjdk-8-jre-bookworm").stream().sorted().toList(),
        r.files().keySet().stream().sorted().toList());
    assertEquals(Files.readString(Fixtures.dockerPkg().resolve("expected-render/openjdk-8-jdk/Dockerfile")),
        Files.readString(out.resolve("openjdk-8-jdk/Dockerfile")));
    assertEquals(List.of("openjdk-8-jdk: uses image_tag on openjdk-8-jre but its control file does not declare it; "
        + "the build order may put openjdk-8-jre after it",
        "openjdk-8-jdk-bookworm: uses image_tag on openjdk-8-jre-bookworm but its control file does not declare it; "
        + "the build order may put openjdk-8-jre-bookworm after it"), warnings);
    assertEquals(2, r.warnings().size());
  }

  @Test
  void aFailingTemplateWritesNothingAndLeavesExistingOutputAlone() throws IOException {
    Path images = TestImages.upstreamFixtures(tmp.resolve("images"));
    TestImages.image(images.resolve("zz-broken"), "zz-broken", "1.0", "FROM {{ nope }}\n", List.of());
    Path out = Files.createDirectories(tmp.resolve("out/foo-bar"));
    Files.writeString(out.resolve("Dockerfile"), "previous");
    DockerPkg pkg = new DockerPkg(ConfigLoader.defaultConfig(), recorder);
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> pkg.render(RenderSpec.all(images, tmp.resolve("out"))));
    assertEquals(DockerPkgException.Reason.RENDER, e.reason());
    assertTrue(e.getMessage().startsWith("1 of 5 images failed to render, nothing written: zz-broken: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("'nope' is undefined"), e.getMessage());
    assertEquals("previous", Files.readString(out.resolve("Dockerfile")));
    try (var list = Files.list(tmp.resolve("out"))) {
      assertEquals(1, list.count());
    }
  }

  @Test
  void buildOrderOfUpstreamFixtures() {
    DockerPkg pkg = new DockerPkg(ConfigLoader.defaultConfig(), recorder);
    List<String> order = pkg.buildOrder(TestImages.upstreamFixtures(tmp)).stream().map(i -> i.name()).toList();
    assertTrue(order.indexOf("foo-bar") < order.indexOf("foobar-server"), order.toString());
  }

  @Test
  void updateUsesTheInjectedClockAndAuthor() throws IOException {
    Path images = TestImages.upstreamFixtures(tmp);
    List<String> updated = new ArrayList<>();
    DockerPkg pkg = new DockerPkg(ConfigLoader.defaultConfig(), new DockerPkgListener() {
      @Override
      public void updated(String image, String version, Path changelog) {
        updated.add(image + " " + version);
      }
    }).withClock(Clock.fixed(Instant.parse("2026-11-22T02:13:29Z"), ZoneOffset.UTC))
        .withAuthor(new ChangelogAuthor("Bot", "bot@example.org"));
    pkg.update(new UpdateSpec(images, "upstream-version", UpdateSpec.DEFAULT_REASON, Optional.empty()));
    assertEquals(List.of("upstream-version 1.63.0-1-s1"), updated);
    assertTrue(Files.readString(images.resolve("upstream-version/changelog")).startsWith(
        "upstream-version (1.63.0-1-s1) wikimedia; urgency=high\n\n   Security update\n\n"
            + " -- Bot <bot@example.org>  Sun, 22 Nov 2026 02:13:29 +0000\n\nupstream-version (1.63.0-1) wikimedia; urgency=medium\n"));
    assertFalse(Files.readString(images.resolve("foo-bar/changelog")).contains("urgency=high"));
  }
}
