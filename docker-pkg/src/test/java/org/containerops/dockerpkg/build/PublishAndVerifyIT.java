package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.BuildResult;
import org.containerops.dockerpkg.api.BuildSpec;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.ImageReport;
import org.containerops.dockerpkg.api.ImageReport.Outcome;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.engine.RuntimeImageEngine;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.LocalRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing and verification against the real engine and registry (upstream tests/test_drivers.py,
 * test_images.py verify cases, test_builder.py publish cases): wrong credentials are detected in the
 * push, an offline registry is only a warning when nothing needs it, verification runs the
 * configured command on the host with only PATH and the proxy variables (as upstream), or with
 * {@code verify_in_container: true} in the image with only the proxy variables added.
 */
@ExtendWith(EngineExtension.class)
class PublishAndVerifyIT {
  private Path work;
  private String namespace;
  private ContainerRuntime runtime;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void setUp(ContainerRuntime runtime) throws IOException {
    this.runtime = runtime;
    work = Files.createTempDirectory("docker-pkg-it-");
    namespace = "dpit" + UUID.randomUUID().toString().substring(0, 8);
    TestImages.image(work.resolve("images/one"), "one", "1.0", "FROM containerops/debian:bookworm\nRUN echo one > /one\n", List.of());
    TestImages.image(work.resolve("images/two"), "two", "2.0", "FROM {{ 'one' | image_tag }}\n", List.of("one"));
  }

  @AfterEach
  void tearDown() throws IOException {
    TestImages.cleanUp(runtime, namespace, work);
  }

  @Test
  void wrongCredentialsFailThePushButNotTheDependents() throws IOException {
    try (LocalRegistry registry = LocalRegistry.startWithAuth("dp-user", "right-" + UUID.randomUUID())) {
      BuildResult r = build("registry: \"" + registry.hostPort() + "\"\nusername: dp-user\npassword: wrong-password\n",
          BuildSpec.all(work.resolve("images")));
      Map<String, ImageReport> by = byName(r);
      assertEquals(Outcome.FAILED, by.get("one").outcome());
      assertTrue(by.get("one").detail().startsWith("publishing failed: "), by.get("one").detail());
      assertFalse(by.get("one").detail().contains("wrong-password"), "no password in errors");
      assertEquals(Outcome.FAILED, by.get("two").outcome(), "two was built on one, then its push failed too");
      assertTrue(by.get("two").detail().startsWith("publishing failed: "), by.get("two").detail());
      assertTrue(runtime.images().exists(registry.hostPort() + "/" + namespace + "/two:2.0"));
    }
  }

  @Test
  void anOfflineRegistryIsAWarningWhenNothingIsPublished() throws IOException {
    LocalRegistry registry = LocalRegistry.startPlain();
    String host = registry.hostPort();
    registry.close();
    BuildResult r = build("registry: \"" + host + "\"\nregistry_timeout: 2\n", BuildSpec.all(work.resolve("images")));
    assertTrue(r.ok(), r.toString());
    assertEquals(Outcome.BUILT, byName(r).get("two").outcome());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("cannot ask the registry")), warnings.toString());
  }

  @Test
  void verificationRunsTestShOnTheHostWithOnlyPathAndTheProxiesAndFailsAsUpstream() throws IOException {
    Path test = work.resolve("images/one/test.sh");
    Files.writeString(test, "#!/bin/sh\nenv | sort\n[ \"$1\" = fail ] && exit 1\ndocker run --rm \"$1\" cat /one\n");
    test.toFile().setExecutable(true);
    BuildResult r = build("http_proxy: http://proxy.invalid:3128\n", one());
    assertEquals(Outcome.BUILT, byName(r).get("one").outcome(), r + "\n" + log);
    assertTrue(log.contains("one: one"), "test.sh ran the image with the docker CLI: " + log);
    assertTrue(log.contains("one: http_proxy=http://proxy.invalid:3128"), log.toString());
    assertTrue(log.contains("one: HTTPS_PROXY=http://proxy.invalid:3128"), log.toString());
    assertTrue(log.contains("one: PATH=" + System.getenv("PATH")), log.toString());
    assertFalse(log.stream().anyMatch(l -> l.startsWith("one: HOME=") || l.startsWith("one: DOCKER_HOST=")
        || l.startsWith("one: JAVA_HOME=")), log.toString());

    runtime.images().remove(namespace + "/one:1.0", true);
    BuildResult failing = build("verify_args: ['-c', '{path}/test.sh fail']\n", one());
    assertEquals(Outcome.FAILED, byName(failing).get("one").outcome());
    assertTrue(byName(failing).get("one").detail().startsWith("verification failed (exit 1)"), byName(failing).toString());
    assertFalse(runtime.images().exists(namespace + "/one:1.0"), "the unverified image is removed");

    BuildResult missing = build("verify_command: /nonexistent/verifier\n", one());
    assertEquals("verification: Could not verify image one: /nonexistent/verifier not found",
        byName(missing).get("one").detail());
    assertFalse(runtime.images().exists(namespace + "/one:1.0"));
  }

  @Test
  void verifyInContainerRunsTheCommandInTheImageWithTheDirectoryMountedAndOnlyProxiesAdded() throws IOException {
    Path test = work.resolve("images/one/test.sh");
    Files.writeString(test, "#!/bin/sh\nenv | sort\n[ \"$1\" = fail ] && exit 1\ncat /one\n");
    test.toFile().setExecutable(true);
    BuildResult r = build("verify_in_container: true\nhttp_proxy: http://proxy.invalid:3128\n", one());
    assertEquals(Outcome.BUILT, byName(r).get("one").outcome(), r + "\n" + log);
    assertTrue(log.contains("one: one"), log.toString());
    assertTrue(log.contains("one: http_proxy=http://proxy.invalid:3128"), log.toString());
    assertFalse(log.stream().anyMatch(l -> l.startsWith("one: DOCKER_HOST=") || l.startsWith("one: JAVA_HOME=")), log.toString());

    runtime.images().remove(namespace + "/one:1.0", true);
    BuildResult failing = build("verify_in_container: true\nverify_args: ['-c', '{path}/test.sh fail']\n", one());
    assertEquals(Outcome.FAILED, byName(failing).get("one").outcome());
    assertFalse(runtime.images().exists(namespace + "/one:1.0"));
  }

  /** Only image one, no pulls. */
  private BuildSpec one() {
    return new BuildSpec(work.resolve("images"), Optional.of(new org.containerops.dockerpkg.select.Glob("*/one:*")),
        "", false, true);
  }

  private BuildResult build(String config, BuildSpec spec) throws IOException {
    Files.writeString(work.resolve("config.yaml"), "namespace: " + namespace + "\nnetwork_mode: host\n" + config);
    DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(work.resolve("config.yaml")), new DockerPkgListener() {
      @Override
      public synchronized void warning(String image, String message) {
        warnings.add(message);
      }

      @Override
      public synchronized void buildLog(String image, String line) {
        log.add(image + ": " + line);
      }
    });
    ImageEngine engine = new RuntimeImageEngine(runtime);
    return pkg.build(spec, engine);
  }

  private static Map<String, ImageReport> byName(BuildResult r) {
    Map<String, ImageReport> m = new java.util.TreeMap<>();
    r.images().forEach(i -> m.put(i.name(), i));
    return m;
  }
}
