package org.containerops.dockerpkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.PlanResult;
import org.containerops.dockerpkg.api.PlanSpec;
import org.containerops.dockerpkg.api.RenderSpec;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageScanner;
import org.containerops.dockerpkg.image.ImageTree;
import org.containerops.dockerpkg.plan.InputHasher;
import org.containerops.dockerpkg.plan.RecordedInputs;

/**
 * In-process plan benchmark for scripts/bench (issue 16 §2): {@code PlanBench CORPUS_DIR RUNS} loads
 * {@code CORPUS_DIR/config.yaml}, records the inputs of every image of {@code CORPUS_DIR/images} in
 * memory (as if all were published), then RUNS times plans the tree with nothing changed (scan,
 * render, hash every build context, compare) and renders it (scan, render, write), printing
 * {@code run N: plan MS ms, render MS ms, IMAGES images, REBUILD to rebuild}. {@code FROM} images
 * outside the tree resolve to a fixed id (no engine). The first run is cold.
 */
public final class PlanBench {
  private PlanBench() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    DockerPkgConfig config = ConfigLoader.forCurrentUser().load(corpus.resolve("config.yaml"));
    Path images = corpus.resolve("images");
    Function<String, Optional<String>> baseIds = ref -> Optional.of("sha256:bench");
    ImageTree tree = new ImageScanner(config.scanWorkers(), DockerPkgListener.NONE).scan(images);
    InputHasher hasher = new InputHasher(config, tree, baseIds);
    Map<String, Map<String, String>> published = new HashMap<>();
    tree.images().forEach(i -> published.put(i.label(config).full(), hasher.inputs(i.name()).labels()));
    RecordedInputs recorded = label -> Optional.ofNullable(published.get(label.full()))
        .map(l -> new RecordedInputs.Found(l, "memory"));
    for (int i = 1; i <= runs; i++) {
      DockerPkg pkg = new DockerPkg(config, DockerPkgListener.NONE);
      long start = System.nanoTime();
      PlanResult plan = pkg.plan(PlanSpec.all(images), recorded, baseIds);
      long planMs = (System.nanoTime() - start) / 1_000_000;
      Path out = Files.createTempDirectory("docker-pkg-bench-");
      long renderMs;
      try {
        start = System.nanoTime();
        pkg.render(RenderSpec.all(images, out.resolve("render")));
        renderMs = (System.nanoTime() - start) / 1_000_000;
      } finally {
        try (Stream<Path> w = Files.walk(out)) {
          w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      System.out.println("run " + i + ": plan " + planMs + " ms, render " + renderMs + " ms, " + plan.images().size()
          + " images, " + plan.rebuild().size() + " to rebuild");
    }
  }
}
