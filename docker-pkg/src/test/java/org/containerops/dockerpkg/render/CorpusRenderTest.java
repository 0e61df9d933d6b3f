package org.containerops.dockerpkg.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.containerops.dockerpkg.Fixtures;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageScanner;
import org.containerops.dockerpkg.image.ImageTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus image renders byte-identical to the upstream-rendered Dockerfiles in
 * fixtures/docker-pkg/expected-render (config.yaml) and expected-render-proxy (config.yaml plus
 * http_proxy = apt_only_proxy = http://webproxy.example:8080).
 */
class CorpusRenderTest {
  static final String PROXY = "http://webproxy.example:8080";
  static ImageTree tree;
  static TemplateRenderer plain;
  static TemplateRenderer proxy;

  @BeforeAll
  static void setUp() {
    Map<String, Object> local = ConfigLoader.read(Fixtures.corpus().resolve("config.yaml"));
    DockerPkgConfig plainConfig = ConfigLoader.merge(Map.of(), local);
    Map<String, Object> withProxy = new java.util.LinkedHashMap<>(local);
    withProxy.put("http_proxy", PROXY);
    withProxy.put("apt_only_proxy", PROXY);
    DockerPkgConfig proxyConfig = ConfigLoader.merge(Map.of(), withProxy);
    tree = new ImageScanner(4, DockerPkgListener.NONE).scan(Fixtures.corpusImages());
    plain = new TemplateRenderer(plainConfig, tree.knownImages(plainConfig));
    proxy = new TemplateRenderer(proxyConfig, tree.knownImages(proxyConfig));
  }

  static Stream<String> images() throws IOException {
    try (Stream<Path> dirs = Files.list(Fixtures.dockerPkg().resolve("expected-render"))) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void scanFindsExactlyTheImagesThatHaveExpectedRenders() throws IOException {
    Set<String> expected = images().collect(Collectors.toCollection(TreeSet::new));
    Set<String> scanned = tree.images().stream().map(ImageDefinition::name).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(125, expected.size());
    assertEquals(expected, scanned);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void rendersLikeUpstream(String image) throws IOException {
    ImageDefinition def = tree.find(image).orElseThrow();
    assertEquals(expected("expected-render", image), plain.render(image, def.dir()).text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void rendersLikeUpstreamWithProxy(String image) throws IOException {
    ImageDefinition def = tree.find(image).orElseThrow();
    assertEquals(expected("expected-render-proxy", image), proxy.render(image, def.dir()).text());
  }

  private static String expected(String set, String image) throws IOException {
    return Files.readString(Fixtures.dockerPkg().resolve(set).resolve(image).resolve("Dockerfile"), StandardCharsets.UTF_8);
  }
}
