package org.containerops.dockerpkg.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.Fixtures;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.RenderResult;
import org.containerops.dockerpkg.api.RenderSpec;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16 §3: {@code render} of the whole 125-image corpus on several threads writes files
 * byte-identical to upstream's, with and without a proxy, and the same warnings in the same order
 * as one thread.
 */
class ParallelCorpusRenderTest {
  @TempDir Path out;

  private RenderResult render(int workers, boolean withProxy, Path to) {
    Map<String, Object> local = new LinkedHashMap<>(ConfigLoader.read(Fixtures.corpus().resolve("config.yaml")));
    local.put("scan_workers", workers);
    if (withProxy) {
      local.put("http_proxy", CorpusRenderTest.PROXY);
      local.put("apt_only_proxy", CorpusRenderTest.PROXY);
    }
    DockerPkgConfig config = ConfigLoader.merge(Map.of(), local);
    return new DockerPkg(config, DockerPkgListener.NONE).render(RenderSpec.all(Fixtures.corpusImages(), to));
  }

  @ParameterizedTest(name = "proxy={0}")
  @ValueSource(booleans = {false, true})
  void parallelRenderIsByteIdenticalToUpstream(boolean withProxy) throws IOException {
    RenderResult parallel = render(4, withProxy, out.resolve("parallel"));
    assertEquals(125, parallel.files().size());
    String set = withProxy ? "expected-render-proxy" : "expected-render";
    for (Map.Entry<String, Path> e : parallel.files().entrySet()) {
      String expected = Files.readString(Fixtures.dockerPkg().resolve(set).resolve(e.getKey()).resolve("Dockerfile"),
          StandardCharsets.UTF_8);
      assertEquals(expected, Files.readString(e.getValue(), StandardCharsets.UTF_8), e.getKey());
    }
    RenderResult serial = render(1, withProxy, out.resolve("serial"));
    assertEquals(List.copyOf(serial.files().keySet()), List.copyOf(parallel.files().keySet()), "same order");
    assertEquals(serial.warnings(), parallel.warnings(), "same warnings, same order");
  }
}
