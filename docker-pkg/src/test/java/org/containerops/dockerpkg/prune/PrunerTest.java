package org.containerops.dockerpkg.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.PruneResult;
import org.containerops.dockerpkg.api.PruneSpec;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.select.Glob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ports upstream tests/test_drivers.py prune cases and test_builder.py:250 (children first, select). */
class PrunerTest {
  @TempDir Path dir;

  /** Local images as repo:tag lists per id; records removals; refuses ids listed in {@code busy}. */
  private static final class Engine implements ImageEngine {
    final Map<String, List<String>> images = new HashMap<>();
    final List<String> removed = new ArrayList<>();
    final List<String> listed = new ArrayList<>();
    String busy = "";

    @Override public boolean exists(String ref) { return false; }
    @Override public void pull(String ref, Optional<Credentials> c) {}
    @Override public void build(BuildRequest r, java.util.function.Consumer<String> log) {}
    @Override public void copyOut(String image, String path, Path targetDir) {}
    @Override public CommandResult run(String i, Path d, String m, List<String> a, Map<String, String> e, String n,
        java.time.Duration t) { return null; }
    @Override public void tag(String s, String r, String t) {}
    @Override public void push(String r, String t, Optional<Credentials> c) {}

    @Override
    public List<LocalImage> list(String repository) {
      listed.add(repository);
      return images.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(t -> t.startsWith(repository + ":")))
          .map(e -> new LocalImage(e.getKey(), e.getValue())).toList();
    }

    @Override
    public boolean remove(String ref, boolean force) {
      if (force) {
        throw new AssertionError("prune never forces");
      }
      if (ref.equals(busy)) {
        throw new DockerPkgException(Reason.ENGINE, null, "removing " + ref + " failed: image is being used by a container");
      }
      removed.add(ref);
      return true;
    }
  }

  private DockerPkgConfig config() {
    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    m.put("registry", "reg:5000");
    return new DockerPkgConfig(m);
  }

  @Test
  void keepsTheCurrentTagAndRemovesOtherTagsOfTheRepositoryChildrenFirst() {
    TestImages.image(dir.resolve("a"), "a", "2.0", "FROM x\n", List.of());
    TestImages.image(dir.resolve("b"), "b", "1.1", "FROM x\n", List.of("a"));
    Engine engine = new Engine();
    engine.images.put("sha:a1", List.of("reg:5000/a:1.0", "reg:5000/a:latest", "other/repo:keep"));
    engine.images.put("sha:a2", List.of("reg:5000/a:2.0"));
    engine.images.put("sha:b1", List.of("reg:5000/b:1.1", "reg:5000/b:latest"));
    engine.images.put("sha:b0", List.of("reg:5000/b:1.0"));
    PruneResult r = new Pruner(config(), DockerPkgListener.NONE, engine).prune(new PruneSpec(dir, Optional.empty(), ""));
    assertEquals(List.of("reg:5000/b", "reg:5000/a"), engine.listed, "children first (upstream prune_chain)");
    assertTrue(engine.removed.containsAll(List.of("reg:5000/b:1.0", "reg:5000/a:1.0", "reg:5000/a:latest")), engine.removed.toString());
    assertEquals(3, engine.removed.size(), engine.removed.toString());
    assertFalse(engine.removed.contains("other/repo:keep"));
    assertTrue(r.ok());
  }

  @Test
  void selectAndNightlyChooseWhatIsKeptAndRefusalsAreReportedNotFatal() {
    TestImages.image(dir.resolve("a"), "a", "2.0", "FROM x\n", List.of());
    TestImages.image(dir.resolve("b"), "b", "1.1", "FROM x\n", List.of());
    Engine engine = new Engine();
    engine.images.put("sha:a2", List.of("reg:5000/a:2.0"));
    engine.images.put("sha:an", List.of("reg:5000/a:2.0-20190503"));
    engine.images.put("sha:b0", List.of("reg:5000/b:1.0"));
    engine.busy = "reg:5000/a:2.0";
    PruneResult r = new Pruner(config(), DockerPkgListener.NONE, engine)
        .prune(new PruneSpec(dir, Optional.of(new Glob("*/a:*")), "-20190503"));
    assertEquals(List.of("reg:5000/a"), engine.listed);
    assertEquals(List.of(), engine.removed);
    assertEquals(1, r.errors().size());
    assertTrue(r.errors().get(0).contains("being used"), r.errors().toString());
  }
}
