package org.containerops.dockerpkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.RenderResult;
import org.containerops.dockerpkg.api.RenderSpec;
import org.containerops.dockerpkg.config.ConfigLoader;

/**
 * In-process render benchmark for scripts/bench: {@code RenderBench CORPUS_DIR RUNS} loads
 * {@code CORPUS_DIR/config.yaml}, then renders {@code CORPUS_DIR/images} RUNS times into fresh temp
 * dirs (scan + order + render + write, as the CLI does) and prints one line per run:
 * {@code run N: MS ms, FILES files}. The first run is cold (class loading, JIT), later ones warm.
 */
public final class RenderBench {
  private RenderBench() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    for (int i = 1; i <= runs; i++) {
      Path out = Files.createTempDirectory("docker-pkg-bench-");
      try {
        long start = System.nanoTime();
        DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(corpus.resolve("config.yaml")), DockerPkgListener.NONE);
        RenderResult r = pkg.render(RenderSpec.all(corpus.resolve("images"), out.resolve("render")));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("run " + i + ": " + ms + " ms, " + r.files().size() + " files");
      } finally {
        try (Stream<Path> w = Files.walk(out)) {
          w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
