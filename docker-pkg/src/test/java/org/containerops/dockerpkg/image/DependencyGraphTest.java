package org.containerops.dockerpkg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.containerops.dockerpkg.Fixtures;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.select.Glob;
import org.junit.jupiter.api.Test;

/** Build order; the chain cases ported from upstream tests/test_builder.py:209-300. */
class DependencyGraphTest {
  static ImageDefinition img(String name, String... deps) {
    return new ImageDefinition(Path.of("/images", name), name, "1.0", List.of(deps), false);
  }

  static List<String> names(List<ImageDefinition> images) {
    return images.stream().map(ImageDefinition::name).toList();
  }

  /** a <- b <- c, d depends on a and c, e alone; "unicorn" is outside the tree. */
  static ImageTree upstreamChain() {
    return new ImageTree(Path.of("/images"), List.of(img("d", "a", "c"), img("c", "b"), img("b", "a"), img("a"),
        img("e", "unicorn")));
  }

  @Test
  void upstreamChainOrder() {
    DependencyGraph g = new DependencyGraph(upstreamChain());
    assertEquals(List.of("a", "b", "c", "d", "e"), names(g.buildOrder()));
    assertEquals(List.of("e"), names(g.buildChain(i -> new Glob("e*").matches(i.name()))));
    assertEquals(List.of("a", "b", "c"), names(g.buildChain(i -> new Glob("c*").matches(i.name()))));
  }

  @Test
  void dependentsClosureLikeImagesToUpdate() {
    DependencyGraph g = new DependencyGraph(upstreamChain());
    assertEquals(List.of("c", "d"), names(g.withDependents(List.of("c"))));
    assertEquals(List.of("a", "b", "c", "d"), names(g.withDependents(List.of("a"))));
  }

  @Test
  void cycleIsAnErrorNamingTheCycle() {
    ImageTree tree = new ImageTree(Path.of("/i"), List.of(img("a", "b"), img("b", "c"), img("c", "b"), img("z")));
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> new DependencyGraph(tree));
    assertEquals(DockerPkgException.Reason.CYCLE, e.reason());
    assertEquals("dependency cycle: b -> c -> b", e.getMessage());
    DockerPkgException self = assertThrows(DockerPkgException.class,
        () -> new DependencyGraph(new ImageTree(Path.of("/i"), List.of(img("s", "s")))));
    assertEquals("dependency cycle: s -> s", self.getMessage());
  }

  @Test
  void corpusOrderPutsEveryDependencyFirstAndIsDeterministic() {
    ImageTree tree = new ImageScanner(8, DockerPkgListener.NONE).scan(Fixtures.corpusImages());
    List<String> order = names(new DependencyGraph(tree).buildOrder());
    assertEquals(125, order.size());
    int edges = 0;
    for (ImageDefinition image : tree.images()) {
      for (String dep : image.depends()) {
        if (tree.find(dep).isPresent()) {
          edges++;
          assertTrue(order.indexOf(dep) < order.indexOf(image.name()), dep + " before " + image.name());
        }
      }
    }
    assertEquals(68, edges, "in-corpus control edges (docker-pkg.md §5.2)");
    for (int run = 0; run < 5; run++) {
      List<ImageDefinition> shuffled = new ArrayList<>(tree.images());
      Collections.shuffle(shuffled, new java.util.Random(run));
      ImageTree again = new ImageTree(tree.root(), shuffled);
      assertEquals(order, names(new DependencyGraph(again).buildOrder()));
      assertEquals(order, names(new DependencyGraph(new ImageScanner(3, DockerPkgListener.NONE).scan(Fixtures.corpusImages())).buildOrder()));
    }
  }

  @Test
  void corpusDepthHistogramMatchesTheReference() {
    ImageTree tree = new ImageScanner(8, DockerPkgListener.NONE).scan(Fixtures.corpusImages());
    DependencyGraph g = new DependencyGraph(tree);
    Map<String, Integer> depth = new HashMap<>();
    for (ImageDefinition image : g.buildOrder()) {
      depth.put(image.name(), 1 + g.dependenciesOf(image.name()).stream().mapToInt(depth::get).max().orElse(0));
    }
    Map<Integer, Integer> histogram = new TreeMap<>();
    depth.values().forEach(d -> histogram.merge(d, 1, Integer::sum));
    assertEquals(Map.of(1, 71, 2, 31, 3, 19, 4, 4), histogram);
  }
}
