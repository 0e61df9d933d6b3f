package org.containerops.dockerpkg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ported from upstream tests/test_builder.py (scan, warnings, duplicates) and test_docker_pkg.py (labels). */
class ImageScannerTest {
  @TempDir Path tmp;
  final List<String> warnings = new ArrayList<>();
  final DockerPkgListener recorder = new DockerPkgListener() {
    @Override
    public synchronized void warning(String image, String message) {
      warnings.add(message);
    }
  };

  @Test
  void scanFindsUpstreamFixturesAndKnownImages() {
    ImageTree tree = new ImageScanner(2, recorder).scan(TestImages.upstreamFixtures(tmp));
    DockerPkgConfig config = ConfigLoader.merge(java.util.Map.of(), java.util.Map.of("base_images", List.of("test")));
    assertEquals(List.of("foo-bar:0.0.1", "foobar-server:0.0.1~alpha1", "upstream-version:1.63.0-1",
        "upstream-version-extended:1.63.0-1-20241211", "test"), tree.knownImages(config));
    ImageDefinition server = tree.find("foobar-server").orElseThrow();
    assertEquals(List.of("foo-bar"), server.depends());
    assertEquals(List.of(), warnings);
  }

  @Test
  void labelsFollowRegistryAndNamespace() {
    ImageDefinition foo = new ImageDefinition(tmp, "foo-bar", "0.0.1", List.of(), false);
    assertEquals("foo-bar:0.0.1", foo.label(ConfigLoader.defaultConfig()).full());
    DockerPkgConfig c = ConfigLoader.merge(java.util.Map.of(), java.util.Map.of("registry", "example.org", "namespace", "test"));
    assertEquals("example.org/test/foo-bar:0.0.1", foo.label(c).full());
    assertEquals("example.org/test/foo-bar", foo.label(c).name());
    assertEquals("example.org/foo-bar", new ImageLabel("example.org/", "", "foo-bar", "1").name());
    assertEquals("/abs", new ImageLabel("example.org", "", "/abs", "1").name());
  }

  @Test
  void halfDefinitionsAreIgnoredWithUpstreamsWarnings() throws IOException {
    Files.createDirectories(tmp.resolve("no-template"));
    Files.writeString(tmp.resolve("no-template/changelog"), TestImages.changelog("a", "1"));
    Files.createDirectories(tmp.resolve("no-changelog"));
    Files.writeString(tmp.resolve("no-changelog/Dockerfile.template"), "FROM x");
    ImageTree tree = new ImageScanner(1, recorder).scan(tmp);
    assertEquals(List.of(), tree.images());
    assertEquals(List.of("Ignoring " + tmp.resolve("no-changelog") + " since it lacks a changelog",
        "Ignoring " + tmp.resolve("no-template") + " since it lacks a Dockerfile.template"), warnings);
  }

  @Test
  void rootItselfCanBeAnImage() {
    TestImages.image(tmp, "solo", "1.0", "FROM x", List.of());
    assertEquals("solo", new ImageScanner(1, recorder).scan(tmp).images().get(0).name());
  }

  @Test
  void duplicateNamesFail() {
    TestImages.image(tmp.resolve("a"), "same", "1", "FROM x", List.of());
    TestImages.image(tmp.resolve("b"), "same", "2", "FROM x", List.of());
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> new ImageScanner(2, recorder).scan(tmp));
    assertTrue(e.getMessage().startsWith("two images are named same"), e.getMessage());
  }

  @Test
  void malformedChangelogFailsNamingTheFile() throws IOException {
    TestImages.image(tmp.resolve("bad"), "bad", "1", "FROM x", List.of());
    Files.writeString(tmp.resolve("bad/changelog"), "this is not a changelog\n");
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> new ImageScanner(2, recorder).scan(tmp));
    assertTrue(e.getMessage().startsWith(tmp.resolve("bad/changelog") + ":1:"), e.getMessage());
  }

  @Test
  void malformedControlFailsNamingTheFileAndLine() throws IOException {
    TestImages.image(tmp.resolve("bad"), "bad", "1", "FROM x", List.of());
    Files.writeString(tmp.resolve("bad/control"), "Package: bad\nno colon here\n");
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> new ImageScanner(1, recorder).scan(tmp));
    assertTrue(e.getMessage().startsWith(tmp.resolve("bad/control") + ":2:"), e.getMessage());
  }

  @Test
  void missingRootIsAnError() {
    assertThrows(DockerPkgException.class, () -> new ImageScanner(1, recorder).scan(tmp.resolve("nope")));
  }
}
