package org.containerops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.LocalRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pipeline 1, images: docker-pkg builds docker-pkg's example tree (dp-base ← dp-child, which
 * apt-installs {@code hello} ← dp-grandchild) and publishes it to a registry behind htpasswd;
 * image-tagging computes the leaf's tags and build manifest with a hierarchy of our own and applies
 * the tags; the tags are pushed with the credentials; the local copy is removed, pulled back by the
 * digest image-tagging's {@code calculate-image-ref} prints, and run. One registry and one build for
 * the class; the methods are the pipeline's steps, in order, then a fault: the registry stops in the
 * middle of docker-pkg's publish.
 *
 * <p>The copied tree has no {@code test.sh}: docker-pkg's verification is being moved between the
 * container and the host, and the grandchild's test.sh only works inside. The same checks run here at
 * the end of the pipeline, in a container of the image pulled back.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({EngineExtension.class, ItSessionExtension.class})
class ImagePipelineIT {
  private static final Set<String> TREE = Set.of("base", "child", "grandchild");
  private static final String PLATFORM = "x86_64";

  private ItSession session;
  private ContainerRuntime runtime;
  private EngineImages images;
  private LocalRegistry registry;
  private RegistryHttp http;
  private Path work;
  private String ns;
  private String leaf;
  private CliResult build;

  @BeforeAll
  void buildAndPublishTheTree(ItSession s, ContainerRuntime rt) throws IOException {
    session = s;
    runtime = rt;
    images = new EngineImages(rt);
    ns = s.namespace("images");
    registry = LocalRegistry.startWithAuth("it-user", "pw-" + UUID.randomUUID());
    http = new RegistryHttp(registry);
    leaf = registry.hostPort() + "/" + ns + "/dp-grandchild";
    work = s.newDir("image-pipeline");
    copyTreeWithoutTests(Path.of(System.getProperty("containerops.it.example-images")), work.resolve("images"));
    Files.createDirectory(work.resolve("xdg"));
    Files.writeString(work.resolve("config.yaml"), String.join("\n",
        "registry: \"" + registry.hostPort() + "\"",
        "namespace: " + ns,
        "username: " + registry.username().orElseThrow(),
        "password: \"" + registry.password().orElseThrow() + "\"",
        "network_mode: host   # apt-get in dp-child reaches the Debian mirror through the host", ""));
    build = CliCall.of(CliTool.DOCKER_PKG, "build", "images", "-c", "config.yaml")
        .in(work).env("XDG_CONFIG_HOME", work.resolve("xdg").toString()).timeout(Duration.ofMinutes(20)).run(s);
  }

  @AfterAll
  void removeImagesAndRegistry() {
    List<String> refused = images == null ? List.of() : images.removeAll("/" + ns); // ns/ and ns-cut/
    if (registry != null) {
      registry.close();
    }
    ItSession.deleteTree(work);
    assertEquals(List.of(), refused, "images of " + ns + " that could not be removed");
  }

  @Test
  @Order(1)
  void dockerPkgPublishesTheWholeTreeBehindAuth() throws Exception {
    build.assertOk();
    for (String name : List.of("dp-base", "dp-child", "dp-grandchild")) {
      assertTrue(build.stdout().lines().anyMatch(l -> l.startsWith("PUBLISHED") && l.contains("/" + name + ":1.0-1")),
          "report line PUBLISHED ... " + name + " in " + build.describe());
      assertEquals(List.of("1.0-1", "latest"), http.tags(ns + "/" + name).stream().sorted().toList(), name + " tags");
    }
    assertEquals(401, http.status("/v2/", false), "anonymous access to the registry");
    assertNoSecret(build);
  }

  @Test
  @Order(2)
  void imageTaggingWritesTheLeafsTagsAndManifestFromOurHierarchy() throws Exception {
    String sha12 = commitInNewRepo(work.resolve("repo")).substring(0, 12);
    Files.writeString(work.resolve("tree.yaml"), String.join("\n",
        "# the example tree's hierarchy: taggers and manifests that work on any Debian image",
        "images:",
        "  dp-base: {taggers: [commit_sha_tagger, date_tagger], manifests: [apt_packages_manifest]}",
        "  dp-child: {parent: dp-base, taggers: [ubuntu_version_tagger]}",
        "  dp-grandchild: {parent: dp-child}", ""));
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    tagging("write-tags-file", "--tags-dir", work.resolve("tags").toString()).assertOk();
    tagging("write-manifest", "--hist-lines-dir", work.resolve("hist").toString(),
        "--manifests-dir", work.resolve("manifests").toString(), "--repository", "containerops/it").assertOk();
    LocalDate after = LocalDate.now(ZoneOffset.UTC);

    // upstream write_tags_file.py:15-42: -latest first, then one per tagger parent-first, no trailing newline
    String tags = Files.readString(work.resolve("tags").resolve(PLATFORM + "-default-dp-grandchild.txt"));
    List<String> lines = tags.lines().toList();
    assertFalse(tags.endsWith("\n"), "tags file ends without a newline");
    assertEquals(4, lines.size(), tags);
    assertEquals(leaf + ":" + PLATFORM + "-latest", lines.get(0));
    assertEquals(leaf + ":" + PLATFORM + "-" + sha12, lines.get(1));
    assertTrue(List.of(leaf + ":" + PLATFORM + "-" + before, leaf + ":" + PLATFORM + "-" + after).contains(lines.get(2)),
        "UTC date tag: " + lines.get(2));
    assertEquals(leaf + ":" + PLATFORM + "-ubuntu-12", lines.get(3), "Debian 12's VERSION_ID, upstream's prefix");

    Path manifest = work.resolve("manifests").resolve(PLATFORM + "-default-dp-grandchild-" + sha12 + ".md");
    String md = Files.readString(manifest);
    assertTrue(md.startsWith("# Build manifest for image: dp-grandchild:" + sha12), md.lines().findFirst().orElse(""));
    assertTrue(md.contains("## Apt Packages"), "apt section in " + manifest);
    assertTrue(md.lines().anyMatch(l -> l.startsWith("hello/")), "dp-child's apt-installed hello listed in " + manifest);
    assertTrue(Files.readString(work.resolve("hist").resolve(PLATFORM + "-default-dp-grandchild-" + sha12 + ".txt"))
        .contains(PLATFORM + "-ubuntu-12"), "history line lists the tags");
  }

  @Test
  @Order(3)
  void taggedLeafIsPushedPulledBackByDigestAndRuns() throws Exception {
    tagging("apply-tags", "--platform", PLATFORM, "--tags-dir", work.resolve("tags").toString()).assertOk();
    String latestId = images.id(leaf + ":latest").orElseThrow();
    List<String> tags = Files.readString(work.resolve("tags").resolve(PLATFORM + "-default-dp-grandchild.txt"))
        .lines().map(l -> l.substring(leaf.length() + 1)).toList();
    for (String tag : tags) {
      assertEquals(Optional.of(latestId), images.id(leaf + ":" + tag), tag + " is the built leaf");
      images.push(leaf, tag, registry);
    }

    Path dockerConfig = Files.createDirectory(work.resolve("docker-config"));
    Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\": {\"" + registry.hostPort() + "\": {\"auth\": \""
        + registry.basicAuthorization().orElseThrow().substring("Basic ".length()) + "\"}}}");
    CliResult ref = CliCall.of(CliTool.IMAGE_TAGGING, "calculate-image-ref", "--image", "dp-grandchild",
            "--variant", "default", "--platform", PLATFORM, "--tags-dir", work.resolve("tags").toString())
        .env("DOCKER_CONFIG", dockerConfig.toString()).run(session).assertOk();
    String imageRef = ref.stdout().strip();
    assertTrue(imageRef.startsWith(leaf + "@sha256:"), ref.describe());
    String digest = imageRef.substring(leaf.length() + 1);
    for (String tag : tags) {
      assertEquals(Optional.of(digest), http.manifestDigest(ns + "/dp-grandchild", tag), "registry digest of " + tag);
    }

    Stream.concat(tags.stream(), Stream.of("latest", "1.0-1")).forEach(t -> images.remove(leaf + ":" + t));
    assertEquals(Optional.empty(), images.id(imageRef), "no local copy before the pull");
    images.pullByDigest(leaf, digest, registry);
    assertTrue(images.id(imageRef).isPresent(), "pulled " + imageRef);

    JsonNode data = runtime.run(SandboxSpec.builder(imageRef).runAsRoot().timeout(Duration.ofMinutes(2))
        .command("sh", "-c", "printf '{\"data\": {\"hello\": \"%s\", \"grandchild\": \"%s\", \"base\": \"%s\"}}' "
            + "\"$(hello)\" \"$(cat /etc/dp-grandchild)\" \"$(cat /etc/dp-base-label)\"")
        .build()).data();
    assertEquals("Hello, world!", data.path("hello").asText(), "dp-child's hello");
    assertEquals("grandchild of 1.0", data.path("grandchild").asText(), "dp-grandchild's file");
    assertEquals(registry.hostPort() + "/" + ns + "/dp-base:1.0-1", data.path("base").asText(), "dp-base's label");
    runtime.awaitRemovals();
    images.remove(imageRef);
    assertEquals(Optional.empty(), images.id(imageRef), "pulled copy removed");
  }

  /**
   * The registry stops in the middle of docker-pkg's publish (after the engine stored the first blob
   * of dp-base in a second namespace): the build fails with one line; after {@code start()} the re-run
   * publishes without building again, each manifest is put once, and no blob is sent again except
   * the one whose upload the stop cut off (the engine never got its 201, so has no record of it). The
   * engine retries a failed layer upload for about 50 s before docker-pkg sees the error.
   */
  @Test
  @Order(4)
  void dockerPkgRepublishesCompletelyAfterTheRegistryStoppedMidPush() throws Exception {
    String cutNs = ns + "-cut";
    Files.writeString(work.resolve("config-cut.yaml"), Files.readString(work.resolve("config.yaml"))
        .replace("namespace: " + ns + "\n", "namespace: " + cutNs + "\n"));
    CliCall call = CliCall.of(CliTool.DOCKER_PKG, "build", "images", "-c", "config-cut.yaml", "--select", "*/dp-base:*")
        .in(work).env("XDG_CONFIG_HOME", work.resolve("xdg").toString()).timeout(Duration.ofMinutes(10));
    CliResult cut;
    try {
      cut = call.run(session, process -> {
        awaitFirstBlob(cutNs + "/", process);
        registry.stop();
      });
    } finally {
      registry.start();
    }
    cut.assertExit(1);
    assertTrue(cut.stderrLines().get(cut.stderrLines().size() - 1).startsWith("docker-pkg: "), cut.describe());
    assertEquals(Optional.empty(), http.manifestDigest(cutNs + "/dp-base", "1.0-1"), "the cut publish left no manifest");
    List<String> blobsBefore = http.blobUploads(cutNs + "/");

    CliResult again = call.run(session).assertOk();
    assertTrue(again.stdout().lines().anyMatch(l -> l.startsWith("PUBLISHED") && l.contains("/dp-base:1.0-1")),
        again.describe());
    assertFalse(again.stdout().contains("* Built image"), "the local image is published, not built again");
    List<String> blobs = http.blobUploads(cutNs + "/");
    // The engine re-sends only a layer it has no record of: the one whose 201 the stop cut off (the
    // registry logs the request before the response reaches the engine). Everything else, the shared
    // base layer included, is checked with HEAD and not sent again.
    List<String> twice = blobs.stream().filter(b -> Collections.frequency(blobs, b) > 1).distinct().toList();
    assertTrue(twice.isEmpty() || twice.equals(List.of(blobsBefore.get(blobsBefore.size() - 1))),
        "sent twice: " + twice + ", stored before the stop: " + blobsBefore + "\n" + http.accessLog(cutNs + "/"));
    assertTrue(blobs.containsAll(blobsBefore) && blobs.size() > blobsBefore.size(), "the re-run pushed the rest");
    assertEquals(List.of(cutNs + "/dp-base:1.0-1", cutNs + "/dp-base:latest"),
        http.manifestUploads(cutNs + "/").stream().sorted().toList(), "each manifest put once");
    assertTrue(http.manifestDigest(cutNs + "/dp-base", "1.0-1").isPresent(), "the result is complete");
    assertNoSecret(cut);
    assertNoSecret(again);
  }

  private void awaitFirstBlob(String prefix, ProcessHandle process) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (http.blobUploads(prefix).isEmpty()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("no blob reached the registry under " + prefix + "; log:\n" + registry.log());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private CliResult tagging(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--registry", registry.hostPort(), "--owner", ns,
        "--image", "dp-grandchild", "--variant", "default", "--hierarchy", work.resolve("tree.yaml").toString(),
        "--git-dir", work.resolve("repo").toString()));
    args.addAll(List.of(more));
    CliResult r = CliCall.of(CliTool.IMAGE_TAGGING, args).timeout(Duration.ofMinutes(5)).run(session);
    assertNoSecret(r);
    return r;
  }

  private void assertNoSecret(CliResult r) {
    String pw = registry.password().orElseThrow();
    assertFalse(r.stdout().contains(pw) || r.stderr().contains(pw), "the password leaked in " + r.describe());
  }

  private static void copyTreeWithoutTests(Path from, Path to) throws IOException {
    for (String dir : TREE) {
      Files.createDirectories(to.resolve(dir));
      try (Stream<Path> files = Files.list(from.resolve(dir))) {
        for (Path f : files.filter(f -> !f.getFileName().toString().equals("test.sh")).toList()) {
          Files.copy(f, to.resolve(dir).resolve(f.getFileName()));
        }
      }
    }
  }

  /** A fresh git repository with one commit; returns its full hash (what upstream's GitHelper reads). */
  static String commitInNewRepo(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("README.md"), "images built by the integration tests\n");
    git(dir, "init", "-q");
    git(dir, "add", "README.md");
    git(dir, "-c", "user.name=IT", "-c", "user.email=it@example.org", "commit", "-q", "-m", "images");
    return git(dir, "rev-parse", "HEAD").strip();
  }

  private static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
