package org.containerops.mirror.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.containerops.mirror.Fixtures;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorException;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.api.PullCacheResult;
import org.containerops.mirror.api.PullCacheSpec;
import org.containerops.mirror.api.PushCacheSpec;
import org.containerops.mirror.cli.CondaOciCli;
import org.containerops.mirror.conda.TestPackages;
import org.containerops.mirror.layout.ManifestLayout;
import org.containerops.mirror.registry.OciClient;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.runtime.testing.LocalRegistry;
import org.containerops.runtime.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 17 §1: names from a hostile registry or channel (repodata keys, layer titles) and symbolic
 * links in a tree never make pull-cache, show, mirror or push-cache write or read outside their
 * directory; each refused entry is a counted failure naming it, exit 1.
 */
@ExtendWith(RegistryExtension.class)
class UnsafeNamesIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path PKG = Fixtures.channel().resolve("noarch/run_exports_versions-2.0-h39de5ba_0.tar.bz2");
  private static final byte[] PRECIOUS = "precious, must stay".getBytes(StandardCharsets.UTF_8);

  private static CondaOci connect(LocalRegistry r) {
    return CondaOci.connect(RegistryAddress.parse(r.hostPort() + "/mirrors"), Optional.empty(), MirrorIT.FAST,
        new RecordingListener());
  }

  private static OciClient client(LocalRegistry r) {
    return new OciClient(RegistryAddress.parse(r.hostPort() + "/mirrors"), Optional.empty(), MirrorIT.FAST);
  }

  private static ObjectNode record(String name) {
    return MAPPER.createObjectNode().put("name", name).put("version", "1.0").put("build", "0").put("build_number", 0)
        .put("sha256", "0".repeat(64)).put("size", 40).put("subdir", "noarch");
  }

  /** Every regular file and directory under {@code root}, relative. */
  private static TreeSet<String> tree(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      TreeSet<String> out = new TreeSet<>();
      s.filter(p -> !p.equals(root)).forEach(p -> out.add(root.relativize(p).toString()));
      return out;
    }
  }

  @Test
  void pullCacheRefusesRepodataNamesThatLeaveTheCacheDir(LocalRegistry registry, @TempDir Path tmp) throws Exception {
    Path channel = Files.createDirectories(tmp.resolve("channel/noarch"));
    TestPackages.copy(PKG, channel.resolve(PKG.getFileName()));
    TempChannel.index(channel);
    try (CondaOci oci = connect(registry)) {
      assertTrue(oci.mirror(MirrorSpec.builder().channel("hostile").channelUrl(tmp.resolve("channel").toUri())
          .subdirs(List.of("noarch")).cacheDir(tmp.resolve("mirror-cache")).build()).ok());
    }
    // the registry now lies: its repodata lists names that are paths
    ObjectNode repodata = (ObjectNode) MAPPER.readTree(channel.resolve("repodata.json").toFile());
    ObjectNode packages = (ObjectNode) repodata.get("packages");
    Path outside = Files.createDirectories(tmp.resolve("x")).resolve("evil-1.0-0.tar.bz2");
    Files.write(outside, PRECIOUS);
    Path absolute = tmp.resolve("abs").resolve("evil2-1.0-0.tar.bz2");
    List<String> hostile = List.of("../../../../x/evil-1.0-0.tar.bz2", absolute.toString(), "sub/evil3-1.0-0.tar.bz2",
        "evil4\u0000-1.0-0.tar.bz2");
    for (int i = 0; i < hostile.size(); i++) {
      packages.set(hostile.get(i), record("evil" + i));
    }
    try (OciClient c = client(registry)) {
      new RegistryWriter(c).repodata("hostile", "noarch", MAPPER.writeValueAsString(repodata));
    }
    Path cache = tmp.resolve("a/b/c");  // <cache>/noarch/../../../../x = <tmp>/x
    // and the cache holds a link out: the pull must not follow it to hash or replace its target
    Path linkTarget = Files.write(tmp.resolve("x/linked"), PRECIOUS);
    Files.createDirectories(cache.resolve("noarch"));
    Files.createSymbolicLink(cache.resolve("noarch/evil5-1.0-0.tar.bz2"), linkTarget);
    packages.set("evil5-1.0-0.tar.bz2", record("evil5"));
    try (OciClient c = client(registry)) {
      new RegistryWriter(c).repodata("hostile", "noarch", MAPPER.writeValueAsString(repodata));
    }
    TreeSet<String> before = tree(tmp.resolve("x"));

    PullCacheResult r;
    try (CondaOci oci = connect(registry)) {
      r = oci.pullCache(new PullCacheSpec("hostile", List.of("noarch"), List.of(), true, cache, 2));
    }
    assertEquals(new TreeSet<>(List.of("noarch/../../../../x/evil-1.0-0.tar.bz2", "noarch/" + absolute,
        "noarch/sub/evil3-1.0-0.tar.bz2", "noarch/evil4?-1.0-0.tar.bz2", "noarch/evil5-1.0-0.tar.bz2")),
        new TreeSet<>(r.failed().keySet()), r.failed().toString());
    r.failed().values().forEach(m -> assertTrue(m.startsWith("refused '"), m));
    assertArrayEquals(PRECIOUS, Files.readAllBytes(outside), "file outside untouched");
    assertArrayEquals(PRECIOUS, Files.readAllBytes(linkTarget), "link target untouched");
    assertEquals(before, tree(tmp.resolve("x")), "nothing created beside it");
    assertFalse(Files.exists(absolute.getParent()), "no directory made for an absolute name");
    assertArrayEquals(Files.readAllBytes(PKG), Files.readAllBytes(cache.resolve("noarch").resolve(PKG.getFileName())),
        "the honest package is pulled");
    String listed = Files.readString(cache.resolve("noarch/repodata.json"));
    assertTrue(listed.contains(PKG.getFileName().toString()) && !listed.contains("evil"), listed);
    assertEquals(new TreeSet<>(List.of("b", "b/c", "b/c/noarch", "b/c/noarch/" + PKG.getFileName(),
        "b/c/noarch/evil5-1.0-0.tar.bz2", "b/c/noarch/repodata.json")), tree(tmp.resolve("a")),
        "only the pulled package, the repodata and the pre-existing link; no temp file");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CondaOciCli.commandLine(Map.of());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("pull-cache", "-c", "hostile", "-s", "noarch", "--all-versions", "--registry",
        registry.hostPort() + "/mirrors", "--cache-dir", cache.toString(), "--retries", "0", "--quiet");
    assertEquals(1, code, err.toString());
    assertTrue(err.toString().contains("failed: noarch/../../../../x/evil-1.0-0.tar.bz2"), err.toString());
    assertTrue(err.toString().contains("conda-oci: 5 failed"), err.toString());
    assertArrayEquals(PRECIOUS, Files.readAllBytes(outside));
  }

  @Test
  void showDownloadRefusesALayerTitleThatIsAPath(LocalRegistry registry, @TempDir Path tmp) throws Exception {
    byte[] archive = Files.readAllBytes(PKG);
    try (OciClient c = client(registry)) {
      RegistryWriter w = new RegistryWriter(c);
      String repo = "hostile/noarch/evil";
      w.manifest(repo, "1.0-0", List.of(w.blob(repo, archive, "application/vnd.conda.package.v1", "../evil-1.0-0.tar.bz2")));
    }
    Path dir = Files.createDirectories(tmp.resolve("download"));
    try (CondaOci oci = connect(registry)) {
      MirrorException e = assertThrows(MirrorException.class, () -> oci.packageRepo("hostile", "noarch")
          .fetchPackage("evil:1.0-0", dir));
      assertEquals(MirrorException.Reason.UNSAFE_NAME, e.reason());
      assertTrue(e.getMessage().contains("'../evil-1.0-0.tar.bz2'"), e.getMessage());
    }
    assertEquals(new TreeSet<>(List.of("download")), tree(tmp), "nothing written, in the dir or beside it");
  }

  @Test
  void mirrorCountsRepodataNamesThatArePathsAsFailures(LocalRegistry registry, @TempDir Path tmp) throws Exception {
    Path noarch = Files.createDirectories(tmp.resolve("channel/noarch"));
    TestPackages.copy(PKG, noarch.resolve(PKG.getFileName()));
    TempChannel.index(noarch);
    ObjectNode repodata = (ObjectNode) MAPPER.readTree(noarch.resolve("repodata.json").toFile());
    Files.write(Files.createDirectories(tmp.resolve("secret")).resolve("evil-1.0-0.tar.bz2"), PRECIOUS);
    ((ObjectNode) repodata.get("packages")).set("../../secret/evil-1.0-0.tar.bz2", record("evil"));
    MAPPER.writeValue(noarch.resolve("repodata.json").toFile(), repodata);
    Path cache = tmp.resolve("cache");
    MirrorResult r;
    try (CondaOci oci = connect(registry)) {
      r = oci.mirror(MirrorSpec.builder().channel("hostilechannel").channelUrl(tmp.resolve("channel").toUri())
          .subdirs(List.of("noarch")).cacheDir(cache).build());
    }
    assertEquals(List.of("noarch/../../secret/evil-1.0-0.tar.bz2"), List.copyOf(r.failed().keySet()), r.toString());
    assertFalse(r.ok());
    assertEquals(List.of("hostilechannel/noarch/run_exports_versions:2.0-h39de5ba_0"), r.pushed());
    assertEquals(List.of(), r.repodataPublished(), "a failure withholds the repodata");
    assertArrayEquals(PRECIOUS, Files.readAllBytes(tmp.resolve("secret/evil-1.0-0.tar.bz2")));
    assertEquals(List.of(), new RegistryHttp(registry).tags("mirrors/hostilechannel/noarch/evil"));
    assertEquals(new TreeSet<>(List.of("hostilechannel", "hostilechannel/noarch")), tree(cache),
        "no snapshot, no download, no temp file left");
  }

  @Test
  void pushCacheRefusesASymlinkOutOfTheCacheDir(LocalRegistry registry, @TempDir Path tmp) throws Exception {
    Path noarch = Files.createDirectories(tmp.resolve("cache/noarch"));
    Path secret = TestPackages.copy(PKG, Files.createDirectories(tmp.resolve("secret")).resolve("host-file"));
    Files.createSymbolicLink(noarch.resolve("evil-1.0-0.tar.bz2"), secret);
    MirrorResult r;
    try (CondaOci oci = connect(registry)) {
      r = oci.pushCache(new PushCacheSpec("hostilepush", List.of(), List.of(), false, false, tmp.resolve("cache")));
    }
    assertEquals(List.of("noarch/evil-1.0-0.tar.bz2"), List.copyOf(r.failed().keySet()), r.toString());
    assertTrue(r.failed().get("noarch/evil-1.0-0.tar.bz2").contains("resolves to " + secret.toRealPath()), r.toString());
    assertEquals(List.of(), r.pushed());
    assertEquals(List.of(), new RegistryHttp(registry).tags("mirrors/hostilepush/noarch/evil"));
  }
}
