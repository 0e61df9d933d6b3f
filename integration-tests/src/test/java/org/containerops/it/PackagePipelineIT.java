package org.containerops.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.containerops.runtime.testing.LocalRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pipeline 2, packages: recipe-builder builds the example recipes (one; two, which needs one from
 * the staging channel; mixed, with a linux-64 and a noarch output) into a local channel with the
 * conda-build test double image; oci-mirror {@code push-cache} pushes that channel to a registry
 * behind htpasswd; {@code pull-cache} pulls it into an empty cache. The channel is built once for
 * the class; each test has its own namespace in the class's one registry. The fault test stops the
 * registry in the middle of a push.
 *
 * <p>Needs the recipe-builder and oci-mirror modules.
 */
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ItSessionExtension.class)
class PackagePipelineIT {
  private static final String RECIPE_IMAGE = "containerops/test-recipe-builder-double:latest";
  private static final List<String> SUBDIRS = List.of("linux-64", "noarch");
  /** name-version- of every package the recipes build: recipe-builder's README and recipes/README.md. */
  private static final List<String> EXPECTED = List.of("linux-64/mixed-lib-3.0-", "linux-64/one-1.0-",
      "linux-64/two-2.0-", "noarch/mixed-data-3.0-");

  private final ObjectMapper json = new ObjectMapper();
  private ItSession session;
  private LocalRegistry registry;
  private RegistryHttp http;
  private Path work;
  private Path channel;
  private CliResult build;

  @BeforeAll
  void buildTheChannel(ItSession s) {
    session = s;
    registry = LocalRegistry.startWithAuth("it-user", "pw-" + UUID.randomUUID());
    http = new RegistryHttp(registry);
    work = s.newDir("package-pipeline");
    channel = work.resolve("channel");
    Path recipes = Path.of(System.getProperty("containerops.it.recipes"));
    build = CliCall.of(CliTool.RECIPE_BUILDER, "build", recipes.resolve("one").toString(), recipes.resolve("two").toString(),
            recipes.resolve("mixed").toString(), "--pkg-dir", channel.toString(), "--image", RECIPE_IMAGE,
            "--network", "none", "--quiet",
            "--build-command", "conda-build-double -c file://{staging} {build_args} {recipe} 2>&1")
        .timeout(Duration.ofMinutes(10)).run(s);
  }

  @AfterAll
  void removeRegistry() {
    if (registry != null) {
      registry.close();
    }
    ItSession.deleteTree(work);
  }

  @Test
  void builtChannelIsPushedAndPulledBackByteIdenticalWithRepodataListingIt() throws Exception {
    Map<String, byte[]> built = packagesOf(channel);
    assertEquals(EXPECTED, prefixes(built), "packages built; " + build.describe());
    build.assertOk();
    String ns = session.namespace("packages");

    CliResult push = mirror("push-cache", ns, "--cache-dir", channel.toString()).assertOk();
    assertEquals(4, manifestsOfPackages(ns).size(), "package manifests put; " + push.describe());

    Path pulled = work.resolve("pulled-" + ns);
    mirror("pull-cache", ns, "--cache-dir", pulled.toString()).assertOk();
    assertSameChannel(built, pulled);
  }

  /**
   * The registry stops in the middle of a push: as soon as its access log shows the first blob of
   * this namespace stored, the push-cache process is paused ({@code SIGSTOP}, so it cannot finish in
   * the meantime), the registry stopped, the process resumed. It fails; after {@code start()} the
   * re-run completes, and the access log shows nothing stored twice.
   */
  @Test
  void registryStoppedMidPushThenRestartedRerunCompletesWithoutPushingTwice() throws Exception {
    Map<String, byte[]> built = packagesOf(channel);
    assertEquals(EXPECTED, prefixes(built), "packages built; " + build.describe());
    String ns = session.namespace("restart");

    CliResult cut;
    try {
      cut = mirror(CliCall.of(CliTool.OCI_MIRROR, mirrorArgs("push-cache", ns, "--cache-dir", channel.toString(),
          "--retries", "0", "--timeout", "5000", "--workers", "1")), process -> {
            awaitFirstBlob(ns, process);
            signal("STOP", process);
            registry.stop();
            signal("CONT", process);
          });
    } finally {
      registry.start();
    }
    cut.assertExit(1);
    assertTrue(cut.stderrLines().stream().anyMatch(l -> l.startsWith("conda-oci: ")), "one-line failure: " + cut.describe());
    List<String> blobsBefore = http.blobUploads(ns + "/");
    assertTrue(manifestsOfPackages(ns).size() < 4, "the push was cut short: " + manifestsOfPackages(ns));

    mirror("push-cache", ns, "--cache-dir", channel.toString()).assertOk();
    List<String> blobs = http.blobUploads(ns + "/");
    List<String> manifests = manifestsOfPackages(ns);
    assertEquals(new TreeSet<>(blobs).size(), blobs.size(), "a blob was stored twice in one repository: " + blobs
        + "\n" + http.accessLog(ns + "/"));
    assertEquals(new TreeSet<>(manifests).size(), manifests.size(), "a package manifest was put twice: " + manifests);
    assertEquals(4, manifests.size(), "every package pushed once: " + manifests);
    assertTrue(blobs.containsAll(blobsBefore) && blobs.size() > blobsBefore.size(), "the re-run pushed the rest");

    mirror("push-cache", ns, "--cache-dir", channel.toString()).assertOk();
    assertEquals(blobs, http.blobUploads(ns + "/"), "an unchanged re-run uploads no blob");
    assertEquals(manifests, manifestsOfPackages(ns), "an unchanged re-run puts no package manifest");

    Path pulled = work.resolve("pulled-" + ns);
    mirror("pull-cache", ns, "--cache-dir", pulled.toString()).assertOk();
    assertSameChannel(built, pulled);
  }

  private void awaitFirstBlob(String ns, ProcessHandle process) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (http.blobUploads(ns + "/").isEmpty()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("no blob reached the registry while push-cache ran; log:\n" + registry.log());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private static void signal(String name, ProcessHandle process) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** conda-oci with the channel name "it", both subdirs, the registry's namespace, credentials from the environment. */
  private CliResult mirror(String command, String ns, String... more) {
    return mirror(CliCall.of(CliTool.OCI_MIRROR, mirrorArgs(command, ns, more)), process -> { });
  }

  private List<String> mirrorArgs(String command, String ns, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "-c", "it", "--registry", registry.hostPort() + "/" + ns,
        "--quiet"));
    SUBDIRS.forEach(s -> args.addAll(List.of("-s", s)));
    args.addAll(List.of(more));
    return args;
  }

  private CliResult mirror(CliCall call, Consumer<ProcessHandle> whileRunning) {
    CliResult r = call.env("ORAS_USER", registry.username().orElseThrow())
        .env("ORAS_PASS", registry.password().orElseThrow()).timeout(Duration.ofMinutes(3)).run(session, whileRunning);
    String pw = registry.password().orElseThrow();
    assertFalse(r.stdout().contains(pw) || r.stderr().contains(pw), "the password leaked in " + r.describe());
    return r;
  }

  /** Package manifests put under the namespace (repodata manifests are re-published by design). */
  private List<String> manifestsOfPackages(String ns) {
    return http.manifestUploads(ns + "/").stream().filter(m -> !m.contains("/repodata.json:")).toList();
  }

  private void assertSameChannel(Map<String, byte[]> built, Path pulled) throws IOException {
    Map<String, byte[]> got = packagesOf(pulled);
    assertEquals(built.keySet(), got.keySet(), "packages pulled");
    for (Map.Entry<String, byte[]> e : built.entrySet()) {
      assertArrayEquals(e.getValue(), got.get(e.getKey()), e.getKey() + " byte-identical");
    }
    for (String subdir : SUBDIRS) {
      JsonNode repodata = json.readTree(pulled.resolve(subdir).resolve("repodata.json").toFile());
      Map<String, String> listed = new TreeMap<>();
      for (String key : List.of("packages", "packages.conda")) {
        repodata.path(key).properties().forEach(r -> listed.put(subdir + "/" + r.getKey(), r.getValue().path("sha256").asText()));
      }
      Map<String, String> expected = new TreeMap<>();
      got.forEach((file, bytes) -> {
        if (file.startsWith(subdir + "/")) {
          expected.put(file, sha256(bytes));
        }
      });
      assertEquals(expected, listed, subdir + "/repodata.json lists exactly the pulled archives with their sha256");
    }
  }

  /** {@code subdir/file} to bytes of every .conda and .tar.bz2 in the channel's subdirs, sorted. */
  private static Map<String, byte[]> packagesOf(Path channelDir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (String subdir : SUBDIRS) {
      Path dir = channelDir.resolve(subdir);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".conda") || f.toString().endsWith(".tar.bz2")).toList()) {
          out.put(subdir + "/" + f.getFileName(), Files.readAllBytes(f));
        }
      }
    }
    return out;
  }

  private static List<String> prefixes(Map<String, byte[]> packages) {
    return packages.keySet().stream().map(k -> k.replaceAll("-[^-]+$", "-")).toList();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
