package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.BuildResult;
import org.containerops.dockerpkg.api.BuildSpec;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.ImageReport;
import org.containerops.dockerpkg.api.ImageReport.ImageState;
import org.containerops.dockerpkg.api.ImageReport.Outcome;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.registry.RegistryProbe;
import org.containerops.dockerpkg.registry.RegistryProbe.Presence;
import org.containerops.dockerpkg.select.Glob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build logic against {@link FakeEngine}: states, plan, pulls, parallelism, failure
 * propagation, publishing (ports of upstream tests/test_builder.py:303-410).
 */
class BuildRunTest {
  @TempDir Path dir;
  private final FakeEngine engine = new FakeEngine();

  /** a ← b ← c, d(a, c); e alone. */
  private Path tree() {
    TestImages.image(dir.resolve("a"), "a", "1.0", "FROM base\n", List.of());
    TestImages.image(dir.resolve("b"), "b", "1.0", "FROM {{ 'a' | image_tag }}\n", List.of("a"));
    TestImages.image(dir.resolve("c"), "c", "1.0", "FROM {{ 'b' | image_tag }}\n", List.of("b"));
    TestImages.image(dir.resolve("d"), "d", "1.0", "FROM base\n", List.of("a", "c"));
    TestImages.image(dir.resolve("e"), "e", "1.0", "FROM base\n", List.of());
    return dir;
  }

  private static DockerPkgConfig config(String... kv) {
    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    m.put("base_images", List.of("base:1"));
    return new DockerPkgConfig(m);
  }

  private BuildResult run(DockerPkgConfig config, BuildSpec spec, RegistryProbe probe) {
    return new BuildRun(config, DockerPkgListener.NONE, engine, probe).run(spec);
  }

  private static Map<String, Outcome> outcomes(BuildResult r) {
    Map<String, Outcome> m = new java.util.TreeMap<>();
    r.images().forEach(i -> m.put(i.name(), i.outcome()));
    return m;
  }

  @Test
  void buildsEverythingInDependencyOrderAndVerifiesOnlyAfterABuild() {
    BuildResult r = run(config(), BuildSpec.all(tree()), RegistryProbe.NONE);
    assertTrue(r.ok(), r.toString());
    List<String> builds = engine.callsStartingWith("build ").stream().map(c -> c.split(" ")[1]).toList();
    assertTrue(builds.indexOf("a:1.0") < builds.indexOf("b:1.0") && builds.indexOf("b:1.0") < builds.indexOf("c:1.0")
        && builds.indexOf("c:1.0") < builds.indexOf("d:1.0"), builds.toString());
    assertEquals(List.of("a", "b", "c", "d", "e"), r.images().stream().map(ImageReport::name).sorted().toList());
    assertTrue(r.images().stream().allMatch(i -> i.outcome() == Outcome.BUILT));
    assertEquals(List.of(), engine.callsStartingWith("push"), "no credentials, nothing pushed");
    assertEquals(List.of("pull base:1"), engine.callsStartingWith("pull"));
  }

  @Test
  void noPullMeansNoBasePullAndNoRegistryQueryForMissingImages() {
    engine.images.add("b:1.0");
    List<String> probed = new java.util.concurrent.CopyOnWriteArrayList<>();
    BuildResult r = run(config(), new BuildSpec(tree(), Optional.empty(), "", false, true), l -> {
      probed.add(l.full());
      return Presence.absent();
    });
    assertEquals(List.of(), engine.callsStartingWith("pull"));
    assertEquals(List.of("b:1.0"), probed, "only the local image is looked up in the registry");
    assertEquals(Outcome.UP_TO_DATE, outcomes(r).get("b"));
  }

  @Test
  void onlyPublishedDependenciesMissingLocallyArePulledAndAFailedPullFailsTheImage() {
    tree();
    BuildResult r = run(config(), new BuildSpec(dir, Optional.of(new Glob("c:*")), "", true, true),
        l -> l.shortName().equals("b") ? Presence.present() : Presence.absent());
    assertEquals(List.of("pull base:1", "pull b:1.0"), engine.callsStartingWith("pull"));
    assertEquals(Map.of("c", Outcome.BUILT), outcomes(r), "a is not built: b comes from the registry");

    FakeEngine other = new FakeEngine();
    other.failPulls.add("b:1.0");
    BuildResult failed = new BuildRun(config(), DockerPkgListener.NONE, other,
        l -> l.shortName().equals("b") ? Presence.present() : Presence.absent())
        .run(new BuildSpec(dir, Optional.of(new Glob("c:*")), "", true, true));
    assertEquals(Outcome.FAILED, outcomes(failed).get("c"));
    assertTrue(failed.images().get(0).detail().startsWith("pulling dependencies: "), failed.images().get(0).detail());
  }

  @Test
  void aFailedImageSkipsItsDependentsOnlyAndTheRunReportsFailure() {
    engine.failBuilds.add("b:");
    BuildResult r = run(config(), BuildSpec.all(tree()), RegistryProbe.NONE);
    assertEquals(Map.of("a", Outcome.BUILT, "b", Outcome.FAILED, "c", Outcome.SKIPPED, "d", Outcome.SKIPPED,
        "e", Outcome.BUILT), outcomes(r));
    assertFalse(r.ok());
    assertEquals("dependency failed: c", r.images().stream().filter(i -> i.name().equals("d")).findFirst().get().detail());
  }

  @Test
  void independentImagesBuildInParallelBoundedByBuildWorkers() throws IOException {
    for (int i = 0; i < 6; i++) {
      TestImages.image(dir.resolve("p" + i), "p" + i, "1", "FROM base\n", List.of());
    }
    engine.buildMillis = 150;
    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    m.put("build_workers", 3);
    run(new DockerPkgConfig(m), BuildSpec.all(dir), RegistryProbe.NONE);
    assertEquals(3, engine.maxRunning.get());
  }

  @Test
  void publishesVerifiedImagesWithCredentialsAndLocalOnlyImagesToo() {
    tree();
    engine.images.add("reg.example/e:1.0");
    DockerPkgConfig config = config("registry", "reg.example", "username", "u", "password", "p");
    BuildResult r = run(config, BuildSpec.all(dir), l -> Presence.absent());
    assertTrue(r.ok(), r.toString());
    assertTrue(engine.calls.contains("push reg.example/e:1.0 as u"), engine.calls.toString());
    assertTrue(engine.calls.contains("push reg.example/e:latest as u"), engine.calls.toString());
    assertTrue(engine.calls.contains("tag reg.example/d:1.0 reg.example/d:latest"));
    assertEquals(ImageState.BUILT, r.images().stream().filter(i -> i.name().equals("e")).findFirst().get().initialState());
    assertEquals(10, engine.callsStartingWith("push").size());
  }

  @Test
  void nightlyTagsEverythingAndImageTagReturnsSuffixedParents() {
    tree();
    run(config(), new BuildSpec(dir, Optional.of(new Glob("b:*")), "-20261122", false, true), RegistryProbe.NONE);
    assertEquals(List.of("a:1.0-20261122", "b:1.0-20261122"),
        engine.callsStartingWith("build ").stream().map(c -> c.split(" ")[1]).toList());
  }

  @Test
  void buildArgsCarryTheProxyAndTheNetworkModeAndCacheAreUsed() {
    TestImages.image(dir.resolve("a"), "a", "1.0", "FROM base\n", List.of());
    run(config("http_proxy", "http://proxy:8080", "network_mode", "host"),
        new BuildSpec(dir, Optional.empty(), "", false, false), RegistryProbe.NONE);
    assertEquals(List.of("build a:1.0 Dockerfile network=host nocache=false args=[HTTPS_PROXY, HTTP_PROXY, http_proxy, https_proxy]"),
        engine.callsStartingWith("build "));
  }

  @Test
  void verificationSkipsWithoutTestShAndRunsTestShOnTheHostWithTheLabel() throws IOException {
    TestImages.image(dir.resolve("a"), "a", "1.0", "FROM base\n", List.of());
    TestImages.image(dir.resolve("t"), "t", "1.0", "FROM base\n", List.of());
    Path test = dir.resolve("t/test.sh");
    Files.writeString(test, "#!/bin/sh\necho \"checking $1\"\n[ \"$1\" = t:1.0 ] || exit 1\n");
    test.toFile().setExecutable(true);
    List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    DockerPkgListener listener = new DockerPkgListener() {
      @Override
      public void buildLog(String image, String line) {
        log.add(image + ": " + line);
      }
    };
    BuildResult r = new BuildRun(config(), listener, engine, RegistryProbe.NONE)
        .run(new BuildSpec(dir, Optional.empty(), "", false, true));
    assertTrue(r.ok(), r.toString());
    assertTrue(r.images().stream().filter(i -> i.name().equals("a")).findFirst().get().detail()
        .equals("Could not find path " + dir.toAbsolutePath().resolve("a/test.sh") + ", skipping verification"), r.toString());
    assertTrue(log.contains("t: checking t:1.0"), log.toString());
    assertEquals(List.of(), engine.callsStartingWith("verify"), "not run in a container");

    Files.writeString(test, "#!/bin/sh\necho 'some output'\necho 'failed on purpose' >&2\nexit 3\n");
    engine.images.clear();
    BuildResult failed = run(config(), new BuildSpec(dir, Optional.empty(), "", false, true), RegistryProbe.NONE);
    assertEquals(Outcome.FAILED, outcomes(failed).get("t"));
    assertEquals("verification failed (exit 3): failed on purpose",
        failed.images().stream().filter(i -> i.name().equals("t")).findFirst().get().detail());
    assertFalse(engine.images.contains("t:1.0"), "the unverified image is removed");
  }

  @Test
  void verifyInContainerRunsTestShInTheImageWithTheDirectoryMounted() throws IOException {
    TestImages.image(dir.resolve("t"), "t", "1.0", "FROM base\n", List.of());
    Files.writeString(dir.resolve("t/test.sh"), "exit 0\n");
    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    m.put("verify_in_container", true);
    BuildResult r = run(new DockerPkgConfig(m), new BuildSpec(dir, Optional.empty(), "", false, true), RegistryProbe.NONE);
    assertTrue(r.ok(), r.toString());
    assertEquals(List.of("verify t:1.0 [/bin/bash, -c, '/docker-pkg/image'/test.sh 't:1.0'] env=[]"), engine.callsStartingWith("verify"));

    engine.verifyExit = 1;
    engine.images.clear();
    BuildResult failed = run(new DockerPkgConfig(m), new BuildSpec(dir, Optional.empty(), "", false, true), RegistryProbe.NONE);
    assertEquals("verification failed (exit 1): failed on purpose", failed.images().get(0).detail());
    assertFalse(engine.images.contains("t:1.0"), "the unverified image is removed");
  }

  @Test
  void aVerifyCommandMissingOnTheHostFailsTheImageAsUpstream() throws IOException {
    TestImages.image(dir.resolve("t"), "t", "1.0", "FROM base\n", List.of());
    Files.writeString(dir.resolve("t/test.sh"), "exit 0\n");
    BuildResult r = run(config("verify_command", "/nonexistent/verifier"), new BuildSpec(dir, Optional.empty(), "", false, true),
        RegistryProbe.NONE);
    assertEquals(Outcome.FAILED, outcomes(r).get("t"));
    assertEquals("verification: Could not verify image t: /nonexistent/verifier not found", r.images().get(0).detail());
    assertFalse(engine.images.contains("t:1.0"), "the unverified image is removed");
  }

  @Test
  void theArtifactStageBuildsFirstCopiesBuildAndIsAlwaysRemoved() throws IOException {
    TestImages.image(dir.resolve("x"), "x", "1.0", "FROM base\nCOPY build/artifact /\n", List.of());
    Files.writeString(dir.resolve("x/Dockerfile.build.template"), "FROM base\nRUN make\n");
    BuildResult r = run(config(), new BuildSpec(dir, Optional.empty(), "", false, true), RegistryProbe.NONE);
    assertTrue(r.ok(), r.toString());
    assertEquals(List.of("build x-build:1.0", "copyOut x-build:1.0 /build", "remove x-build:1.0", "build x:1.0"),
        engine.calls.stream().filter(c -> !c.startsWith("verify") && !c.startsWith("pull"))
            .map(c -> c.startsWith("build ") ? String.join(" ", List.of(c.split(" ")).subList(0, 2)) : c).toList());
    engine.contexts.forEach(c -> assertFalse(Files.exists(c), "context removed: " + c));

    FakeEngine failing = new FakeEngine();
    failing.failBuilds.add("x-build:");
    BuildResult failed = new BuildRun(config(), DockerPkgListener.NONE, failing, RegistryProbe.NONE)
        .run(new BuildSpec(dir, Optional.empty(), "", false, true));
    assertEquals(Outcome.FAILED, outcomes(failed).get("x"));
    assertTrue(failed.images().get(0).detail().contains("artifact stage x-build"), failed.images().get(0).detail());
    assertEquals(Set.of("remove x-build:1.0"), Set.copyOf(failing.callsStartingWith("remove")));
    assertFalse(failing.images.contains("x:1.0"));
    failing.contexts.forEach(c -> assertFalse(Files.exists(c), "context removed: " + c));
  }
}
