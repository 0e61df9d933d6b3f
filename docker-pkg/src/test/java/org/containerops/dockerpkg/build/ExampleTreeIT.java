package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.UpdateSpec;
import org.containerops.dockerpkg.changelog.ChangelogAuthor;
import org.containerops.dockerpkg.cli.DockerPkgCli;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.engine.RuntimeImageEngine;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.dockerpkg.registry.HttpRegistryProbe;
import org.containerops.dockerpkg.registry.RegistryProbe.Presence;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.LocalRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The example tree (src/test/resources/example-images) on the real engine and a real registry
 * with htpasswd auth: build, verify (the tree's test.sh scripts run on the host and
 * {@code docker run --rm "$1" …} the image, as upstream's), publish, prune, update + rebuild of
 * exactly the changed chain; failures of test.sh and of the artifact stage. Each test uses its own namespace and
 * removes every image of it afterwards.
 */
@ExtendWith(EngineExtension.class)
class ExampleTreeIT {
  private static final Path EXAMPLE = Path.of("src/test/resources/example-images");

  private Path work;
  private String namespace;
  private ContainerRuntime runtime;

  @BeforeEach
  void setUp(ContainerRuntime runtime) throws IOException {
    this.runtime = runtime;
    work = Files.createTempDirectory("docker-pkg-it-");
    namespace = "dpit" + UUID.randomUUID().toString().substring(0, 8);
    copyTree(EXAMPLE, work.resolve("images"));
  }

  @AfterEach
  void tearDown() throws IOException {
    TestImages.cleanUp(runtime, namespace, work);
  }

  @Test
  void buildsVerifiesPublishesPrunesAndRebuildsExactlyTheUpdatedChain() throws IOException {
    try (LocalRegistry registry = LocalRegistry.startWithAuth("dp-user", "pw-" + UUID.randomUUID())) {
      writeConfig("registry: \"" + registry.hostPort() + "\"\nusername: dp-user\npassword: \"" + registry.password().get() + "\"\n");
      String prefix = registry.hostPort() + "/" + namespace + "/";

      Run first = cli("build", "-c", config(), images());
      assertEquals(0, first.exit, first.all());
      Map<String, String> outcomes = outcomes(first.out);
      assertEquals(Map.of("dp-base", "PUBLISHED", "dp-child", "PUBLISHED", "dp-grandchild", "PUBLISHED",
          "dp-artifact", "PUBLISHED"), outcomes, first.all());
      assertTrue(first.out.contains("Successfully published image " + prefix + "dp-grandchild:1.0-1"), first.out);
      for (String name : List.of("dp-base", "dp-child", "dp-grandchild", "dp-artifact")) {
        assertTrue(exists(prefix + name + ":1.0-1"), name);
        assertTrue(exists(prefix + name + ":latest"), name + ":latest");
        assertEquals(Presence.Status.PRESENT, probe(registry, name, "1.0-1"), name + " pushed");
        assertEquals(Presence.Status.PRESENT, probe(registry, name, "latest"), name + ":latest pushed");
      }
      assertNoBuildStageLeft();

      Run again = cli("build", "-c", config(), images());
      assertEquals(0, again.exit, again.all());
      assertEquals(Map.of("dp-base", "UP_TO_DATE", "dp-child", "UP_TO_DATE", "dp-grandchild", "UP_TO_DATE",
          "dp-artifact", "UP_TO_DATE"), outcomes(again.out), again.all());

      // issue 16 §2: the published images record their inputs; plan reads them back from the registry
      Run plan = cli("plan", "-c", config(), images(), "--json");
      assertEquals(0, plan.exit, plan.all());
      assertTrue(plan.out.contains("\"rebuild\":[]") && plan.out.contains("\"recorded_in\":\"registry\""), plan.all());
      Files.writeString(work.resolve("images/grandchild/notes.txt"), "a new file in the grandchild's context\n");
      Run changedPlan = cli("plan", "-c", config(), images());
      assertEquals(List.of("REBUILD " + prefix + "dp-grandchild:1.0-1 build context changed"),
          changedPlan.out.lines().filter(l -> l.startsWith("REBUILD")).map(l -> l.replaceAll("\\s+", " ")).toList(),
          changedPlan.all());
      Run changed = cli("build", "-c", config(), images(), "--changed");
      assertEquals(0, changed.exit, changed.all());
      assertEquals(Map.of("dp-base", "UP_TO_DATE", "dp-child", "UP_TO_DATE", "dp-grandchild", "PUBLISHED",
          "dp-artifact", "UP_TO_DATE"), outcomes(changed.out), changed.all());
      assertTrue(cli("plan", "-c", config(), images()).out.contains("== 0 of 4 images to rebuild =="));

      DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(work.resolve("config.yaml")), DockerPkgListener.NONE)
          .withAuthor(new ChangelogAuthor("Test Author", "test@example.org"))
          .withClock(Clock.fixed(Instant.parse("2026-11-22T02:13:29Z"), ZoneOffset.UTC));
      var updated = pkg.update(new UpdateSpec(work.resolve("images"), "dp-base", "Security update", Optional.empty()));
      assertEquals(List.of("dp-base", "dp-child", "dp-grandchild"),
          updated.updates().stream().map(u -> u.image()).sorted().toList());

      Run rebuilt = cli("build", "-c", config(), images());
      assertEquals(0, rebuilt.exit, rebuilt.all());
      assertEquals(Map.of("dp-base", "PUBLISHED", "dp-child", "PUBLISHED", "dp-grandchild", "PUBLISHED",
          "dp-artifact", "UP_TO_DATE"), outcomes(rebuilt.out), rebuilt.all());
      assertTrue(rebuilt.out.contains(prefix + "dp-grandchild:1.0-1-s1"), rebuilt.out);
      assertEquals(Presence.Status.PRESENT, probe(registry, "dp-child", "1.0-1-s1"));

      Run pruned = cli("prune", "-c", config(), images());
      assertEquals(0, pruned.exit, pruned.all());
      for (String name : List.of("dp-base", "dp-child", "dp-grandchild")) {
        assertFalse(exists(prefix + name + ":1.0-1"), name + " old version pruned");
        assertTrue(exists(prefix + name + ":1.0-1-s1"), name + " current version kept");
        assertTrue(exists(prefix + name + ":latest"), name + " latest kept (same image as current)");
        assertTrue(pruned.out.contains("removed " + prefix + name + ":1.0-1"), pruned.out);
      }
      assertTrue(exists(prefix + "dp-artifact:1.0-1"), "artifact untouched");
    }
  }

  @Test
  void aFailingTestOrArtifactStageFailsThatImageAndItsDependentsOnly() throws IOException {
    writeConfig("");
    Files.writeString(work.resolve("images/child/test.sh"),
        "#!/bin/sh\ndocker run --rm \"$1\" sh -c \"echo 'child is broken' >&2; exit 1\"\n");
    work.resolve("images/child/test.sh").toFile().setExecutable(true);
    Path stage = work.resolve("images/artifact/Dockerfile.build.template");
    Files.writeString(stage, "FROM containerops/debian:bookworm\nRUN echo 'stage fails' && false\n");

    Run run = cli("build", "-c", config(), "--no-pull", images());
    assertEquals(1, run.exit, run.all());
    Map<String, String> outcomes = outcomes(run.out);
    assertEquals(Map.of("dp-base", "BUILT", "dp-child", "FAILED", "dp-grandchild", "SKIPPED", "dp-artifact", "FAILED"),
        outcomes, run.all());
    assertTrue(run.out.contains("verification failed (exit 1): child is broken"), run.out);
    assertTrue(run.out.contains("artifact stage dp-artifact-build"), run.out);
    assertTrue(run.err.contains("docker-pkg: 3 of 4 images failed: dp-artifact, dp-child, dp-grandchild"), run.err);
    assertTrue(exists(namespace + "/dp-base:1.0-1"));
    assertFalse(exists(namespace + "/dp-child:1.0-1"), "an unverified image is removed");
    assertFalse(exists(namespace + "/dp-artifact:1.0-1"), "no image without its artifacts");
    assertNoBuildStageLeft();
  }

  @Test
  void selectBuildsTheMatchingImageAndTheDependenciesItNeeds() throws IOException {
    writeConfig("");
    Run run = cli("build", "-c", config(), "--no-pull", "--select", "*/dp-child:*", images());
    assertEquals(0, run.exit, run.all());
    assertEquals(Map.of("dp-base", "BUILT", "dp-child", "BUILT"), outcomes(run.out), run.all());
    assertFalse(exists(namespace + "/dp-grandchild:1.0-1"));
  }

  private void assertNoBuildStageLeft() {
    List<String> stages = runtime.client().listImagesCmd().exec().stream()
        .flatMap(i -> i.getRepoTags() == null ? Stream.empty() : Stream.of(i.getRepoTags()))
        .filter(t -> t.contains(namespace) && t.contains("-build:")).toList();
    assertEquals(List.of(), stages, "no -build image remains");
    List<Container> containers = runtime.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(RuntimeImageEngine.LABEL, "artifacts")).exec();
    assertEquals(List.of(), containers.stream().map(Container::getImage).filter(i -> i.contains(namespace)).toList(),
        "no container of a -build image remains");
    String[] temps = work.getParent().toFile().list((d, n) -> n.startsWith("docker-pkg-dp-"));
    assertEquals(0, temps == null ? 0 : temps.length, "build contexts removed");
  }

  private Presence.Status probe(LocalRegistry registry, String name, String tag) throws IOException {
    var config = ConfigLoader.forCurrentUser().load(work.resolve("config.yaml"));
    return new HttpRegistryProbe(config).probe(new ImageLabel(registry.hostPort(), namespace, name, tag)).status();
  }

  private boolean exists(String ref) {
    return runtime.images().exists(ref);
  }

  private void writeConfig(String extra) throws IOException {
    Files.writeString(work.resolve("config.yaml"), "namespace: " + namespace + "\nnetwork_mode: host\nbuild_workers: 2\n" + extra);
  }

  private String config() {
    return work.resolve("config.yaml").toString();
  }

  private String images() {
    return work.resolve("images").toString();
  }

  /** image name → outcome, from the final report of the CLI. */
  private static Map<String, String> outcomes(String out) {
    String report = out.substring(out.indexOf("== Report =="));
    return report.lines().skip(1).map(l -> l.split("\\s+"))
        .collect(Collectors.toMap(p -> p[1].substring(p[1].lastIndexOf('/') + 1, p[1].lastIndexOf(':')), p -> p[0],
            (a, b) -> a, TreeMap::new));
  }

  private record Run(int exit, String out, String err) {
    String all() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = DockerPkgCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> w = Files.walk(from)) {
      for (Path p : (Iterable<Path>) w::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
          if (p.getFileName().toString().endsWith(".sh")) {
            t.toFile().setExecutable(true, false);
          }
        }
      }
    }
  }
}
