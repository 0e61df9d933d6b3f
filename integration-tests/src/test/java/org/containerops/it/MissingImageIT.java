package org.containerops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every tool that runs an image, asked to run one that does not exist: exit 1, one line on stderr
 * naming the image (no stack trace), no container of that image, nothing in the tool's temp dir
 * ({@link CliCall} checks that), nothing pulled or built under that name.
 *
 * <p>Needs image-tagging, recipe-builder and feedstock-ops.
 */
@Order(4)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({EngineExtension.class, ItSessionExtension.class})
class MissingImageIT {
  private ItSession session;
  private ContainerRuntime runtime;
  private Path work;
  private String absent;

  @BeforeAll
  void setUp(ItSession s, ContainerRuntime rt) {
    session = s;
    runtime = rt;
    work = s.newDir("missing-image");
    absent = "containerops/" + s.runId() + "-absent";
  }

  @AfterAll
  void removeWorkDir() {
    ItSession.deleteTree(work);
  }

  @Test
  void imageTaggingNamesTheMissingImage() throws Exception {
    Path tree = Files.writeString(work.resolve("tree.yaml"),
        "images:\n  " + session.runId() + "-absent: {taggers: [date_tagger]}\n");
    CliResult r = CliCall.of(CliTool.IMAGE_TAGGING, "write-tags-file", "--registry", "127.0.0.1:9", "--owner",
        "containerops", "--image", session.runId() + "-absent", "--variant", "default", "--hierarchy", tree.toString(),
        "--tags-dir", work.resolve("tags").toString(), "--git-dir", work.toString()).run(session);
    assertCleanFailure(r, "127.0.0.1:9/containerops/" + session.runId() + "-absent");
  }

  @Test
  void recipeBuilderNamesTheMissingImageAndWritesNoPackage() throws Exception {
    Path recipes = Path.of(System.getProperty("containerops.it.recipes"));
    Path channel = work.resolve("channel");
    CliResult r = CliCall.of(CliTool.RECIPE_BUILDER, "build", recipes.resolve("one").toString(), "--pkg-dir",
        channel.toString(), "--image", absent + ":latest", "--network", "none", "--quiet").run(session);
    assertCleanFailure(r, absent + ":latest");
    if (Files.exists(channel)) {
      try (Stream<Path> files = Files.walk(channel)) {
        List<String> left = files.map(p -> channel.relativize(p).toString())
            .filter(p -> p.endsWith(".conda") || p.endsWith(".tar.bz2") || p.contains(".recipe-builder-")).toList();
        assertEquals(List.of(), left, "packages or run dirs in the channel");
      }
    }
  }

  @Test
  void feedstockOpsNamesTheMissingImage() {
    Path llvmdev = Path.of(System.getProperty("containerops.fixtures"), "feedstocks", "llvmdev-feedstock");
    CliResult r = CliCall.of(CliTool.FEEDSTOCK_OPS, "parse-names", "--use-container", llvmdev.toString())
        .env("CF_FEEDSTOCK_OPS_CONTAINER_NAME", absent).env("CF_FEEDSTOCK_OPS_CONTAINER_TAG", "latest")
        .timeout(Duration.ofMinutes(2)).run(session);
    assertCleanFailure(r, absent + ":latest");
  }

  private void assertCleanFailure(CliResult r, String image) {
    r.assertExit(1);
    List<String> lines = r.stderrLines();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    assertTrue(last.startsWith(r.tool().module() + ": ") && last.contains(image),
        "last stderr line names the tool and the image: " + r.describe());
    assertFalse(r.stderr().contains("\tat "), "no stack trace without --stacktrace: " + r.describe());
    runtime.awaitRemovals();
    List<Container> left = runtime.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of("org.containerops.managed", "true")).exec().stream()
        .filter(c -> c.getImage() != null && c.getImage().startsWith(image.replaceAll(":latest$", ""))).toList();
    assertEquals(List.of(), left.stream().map(Container::getId).toList(), "containers of " + image);
    assertTrue(new EngineImages(runtime).withReference(absent).isEmpty(), "no image named " + absent);
  }
}
