package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.BuildResult;
import org.containerops.dockerpkg.api.BuildSpec;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.ImageReport;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.plan.ImageInputs;
import org.containerops.dockerpkg.registry.RegistryProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 §2: builds record their inputs in labels; {@code build --changed} rebuilds exactly the changed chain. */
class ChangedBuildTest {
  @TempDir Path dir;
  private final FakeEngine engine = new FakeEngine();

  private Path tree() throws IOException {
    TestImages.image(dir.resolve("a"), "a", "1.0", "FROM base:1\n", List.of());
    TestImages.image(dir.resolve("b"), "b", "1.0", "FROM {{ 'a' | image_tag }}\n", List.of("a"));
    TestImages.image(dir.resolve("c"), "c", "1.0", "FROM {{ 'b' | image_tag }}\nCOPY f /f\n", List.of("b"));
    Files.writeString(dir.resolve("c/f"), "one");
    TestImages.image(dir.resolve("e"), "e", "1.0", "FROM base:1\n", List.of());
    return dir;
  }

  private static DockerPkgConfig config() {
    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    m.put("base_images", List.of("base:1"));
    return new DockerPkgConfig(m);
  }

  private List<String> built(BuildSpec spec) {
    engine.calls.clear();
    BuildResult r = new BuildRun(config(), DockerPkgListener.NONE, engine, RegistryProbe.NONE).run(spec);
    assertTrue(r.ok(), r.toString());
    return engine.callsStartingWith("build ").stream().map(c -> c.split(" ")[1]).sorted().toList();
  }

  @Test
  void buildsRecordTheirInputsAndChangedRebuildsOnlyWhatChanged() throws IOException {
    BuildSpec spec = BuildSpec.all(tree()).withChanged(true);
    assertEquals(List.of("a:1.0", "b:1.0", "c:1.0", "e:1.0"), built(spec));
    assertTrue(engine.labels.values().stream().allMatch(l -> l.get(ImageInputs.HASH_LABEL).startsWith("sha256:")
        && l.containsKey(ImageInputs.PARTS_LABEL)), engine.labels.toString());

    assertEquals(List.of(), built(spec), "nothing changed: nothing rebuilt");
    assertEquals(List.of(), built(BuildSpec.all(dir)), "without --changed existing images are never rebuilt");

    Files.writeString(dir.resolve("c/f"), "two");
    assertEquals(List.of("c:1.0"), built(spec), "a file in the grandchild's context");

    Files.writeString(dir.resolve("a/Dockerfile.template"), "FROM base:1\nRUN true\n");
    assertEquals(List.of("a:1.0", "b:1.0", "c:1.0"), built(spec), "the base's template: the chain");
    assertEquals(List.of(), built(spec));
  }

  @Test
  void changedBuildReportsWhy() throws IOException {
    BuildSpec spec = BuildSpec.all(tree()).withChanged(true);
    built(spec);
    Files.writeString(dir.resolve("e/extra"), "x");
    List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
    BuildResult r = new BuildRun(config(), new DockerPkgListener() {
      @Override
      public void step(String image, String message) {
        steps.add(image + ": " + message);
      }
    }, engine, RegistryProbe.NONE).run(spec);
    assertTrue(steps.contains("e: inputs changed: build context changed"), steps.toString());
    assertEquals(List.of("e"), r.images().stream().filter(i -> i.outcome() == ImageReport.Outcome.BUILT)
        .map(ImageReport::name).toList());
  }
}
