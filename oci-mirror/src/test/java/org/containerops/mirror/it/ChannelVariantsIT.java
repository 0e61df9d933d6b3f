package org.containerops.mirror.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.mirror.Fixtures;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.api.PullCacheResult;
import org.containerops.mirror.api.PullCacheSpec;
import org.containerops.mirror.api.PushCacheSpec;
import org.containerops.mirror.cli.CondaOciCli;
import org.containerops.mirror.conda.TestPackages;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.runtime.testing.LocalRegistry;
import org.containerops.runtime.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Channels the fixture alone does not cover: both formats of one build, corrupt packages, push-cache. */
@ExtendWith(RegistryExtension.class)
class ChannelVariantsIT {
  private static final Path PKG = Fixtures.channel().resolve("noarch/run_exports_versions-1.0-he35c369_0.tar.bz2");

  private static CondaOci connect(LocalRegistry r, RecordingListener l) {
    return CondaOci.connect(RegistryAddress.parse(r.hostPort() + "/mirrors"), Optional.empty(), MirrorIT.FAST, l);
  }

  @Test
  void tarBz2AndCondaOfOneBuildBothSurviveInOneManifest(LocalRegistry registry, @TempDir Path channel,
      @TempDir Path cache, @TempDir Path pulled) throws Exception {
    Path noarch = Files.createDirectories(channel.resolve("noarch"));
    TestPackages.copy(PKG, noarch.resolve(PKG.getFileName()));
    TempChannel.index(noarch);
    try (CondaOci oci = connect(registry, new RecordingListener())) {
      MirrorSpec spec = MirrorSpec.builder().channel("formats").channelUrl(channel.toUri()).subdirs(List.of("noarch"))
          .cacheDir(cache).build();
      assertTrue(oci.mirror(spec).ok());
      // the .conda of the same version-build appears later: the tag gets a manifest with both archives
      TestPackages.condaFromTarBz2(PKG, noarch.resolve("run_exports_versions-1.0-he35c369_0.conda"));
      TempChannel.index(noarch);
      MirrorResult second = oci.mirror(spec);
      assertTrue(second.ok(), second.failed().toString());
      assertEquals(List.of("formats/noarch/run_exports_versions:1.0-he35c369_0"), second.pushed());

      RegistryHttp http = new RegistryHttp(registry);
      JsonNode m = http.manifest("mirrors/formats/noarch/run_exports_versions", "1.0-he35c369_0");
      assertEquals("application/vnd.conda.package.v2", m.path("layers").get(0).path("mediaType").asText());
      assertEquals("application/vnd.conda.package.v1", m.path("layers").get(1).path("mediaType").asText());
      JsonNode repodata = MirrorIT.MAPPER.readTree(noarch.resolve("repodata.json").toFile());
      for (String section : List.of("packages", "packages.conda")) {
        repodata.path(section).properties().forEach(e -> {
          try {
            MirrorIT.assertPackageManifest(http, "mirrors/formats/noarch", e.getKey(), e.getValue(), noarch.resolve(e.getKey()));
          } catch (Exception ex) {
            throw new AssertionError(ex);
          }
        });
      }
      PullCacheResult r = oci.pullCache(new PullCacheSpec("formats", List.of("noarch"), List.of(), false, pulled, 2));
      assertTrue(r.ok(), r.failed().toString());
      assertEquals(2, r.files().size(), "both formats of the newest build");
      for (Path f : r.files()) {
        assertArrayEquals(Files.readAllBytes(noarch.resolve(f.getFileName())), Files.readAllBytes(f));
      }
    }
  }

  @Test
  void corruptPackageIsReportedByNameOthersGoOnAndRepodataIsWithheld(LocalRegistry registry, @TempDir Path channel,
      @TempDir Path cache) throws Exception {
    Path noarch = Files.createDirectories(channel.resolve("noarch"));
    TestPackages.copy(PKG, noarch.resolve(PKG.getFileName()));
    // the corrupt fixture with a record matching its bytes: download checks pass, reading fails
    TestPackages.copy(Fixtures.corrupt().resolve("noarch/bad_package.tar.bz2"), noarch.resolve("bad_package-1.0-0.tar.bz2"));
    TempChannel.index(noarch);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CondaOciCli.commandLine(Map.of());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("mirror", "-c", "corrupt", "--channel-url", channel.toString(), "-s", "noarch",
        "--registry", registry.hostPort() + "/mirrors", "--cache-dir", cache.toString(), "--retries", "0");
    assertEquals(1, code);
    assertTrue(err.toString().contains("bad_package-1.0-0.tar.bz2: not a readable .tar.bz2 archive"), err.toString());
    assertTrue(err.toString().contains("repodata for corrupt/noarch not published"), err.toString());
    assertTrue(out.toString().contains("1 pushed") && out.toString().contains("1 failed"), out.toString());
    RegistryHttp http = new RegistryHttp(registry);
    assertNotNull(http.manifest("mirrors/corrupt/noarch/run_exports_versions", "1.0-he35c369_0"));
    assertEquals(List.of(), http.tags("mirrors/corrupt/noarch/repodata.json"));
  }

  @Test
  void pushCachePushesWhatIsMissingNeverTouchesFilesAndPublishesRepodata(LocalRegistry registry) throws Exception {
    try (CondaOci oci = connect(registry, new RecordingListener())) {
      PushCacheSpec spec = new PushCacheSpec("pushed", List.of(), List.of(), false, false, Fixtures.channel());
      MirrorResult first = oci.pushCache(spec);
      assertTrue(first.ok(), first.failed().toString());
      assertEquals(4, first.pushed().size());
      assertEquals(List.of("noarch", "osx-64"), first.repodataPublished());
      MirrorResult again = oci.pushCache(spec);
      assertEquals(0, again.pushed().size());
      assertEquals(0, again.blobsUploaded());
      assertEquals(0, again.manifestsPushed());
      MirrorResult all = oci.pushCache(new PushCacheSpec("pushed", List.of("osx-64"), List.of(), true, false, Fixtures.channel()));
      assertEquals(2, all.pushed().size(), "--all pushes present packages again");
      assertTrue(Files.exists(Fixtures.channel().resolve("osx-64/dummy-package-1.0-0.tar.bz2")), "never deletes");
      RegistryHttp http = new RegistryHttp(registry);
      JsonNode m = http.manifest("mirrors/pushed/osx-64/repodata.json", "latest");
      JsonNode published = MirrorIT.MAPPER.readTree(http.blob("mirrors/pushed/osx-64/repodata.json",
          m.path("layers").get(0).path("digest").asText()));
      JsonNode rec = published.path("packages").path("dummy-package-1.0-0.tar.bz2");
      assertEquals("c836fbdafcd615bdb4633264bf096ebc6c3c6977de1f9b2bf527ab6fc6415e01", rec.path("sha256").asText());
      assertEquals(2517, rec.path("size").asLong());
      assertEquals("dummy-package", rec.path("name").asText());
    }
  }

  @Test
  void pushCacheOfTheCorruptFixtureNamesEachBadFileAndFails(LocalRegistry registry) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CondaOciCli.commandLine(Map.of());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("push-cache", "-c", "broken", "--cache-dir", Fixtures.corrupt().toString(),
        "--registry", registry.hostPort() + "/mirrors", "--retries", "0");
    assertEquals(1, code, out + "\n" + err);
    assertTrue(err.toString().contains("bad_package.tar.bz2: not a readable .tar.bz2 archive"), err.toString());
    assertTrue(err.toString().contains("another_bad_package.conda: not a readable .conda archive"), err.toString());
    assertTrue(err.toString().contains("conda-oci: 2 failed"), err.toString());
    assertTrue(out.toString().contains("0 pushed"), out.toString());
  }

  /** Regression: concurrent pushes into one repository sharing blobs made distribution refuse manifests. */
  @Test
  void manyTagsOfOneRepositoryPushConcurrentlyEvenWithIdenticalBlobs(LocalRegistry registry, @TempDir Path channel,
      @TempDir Path cache) throws Exception {
    Path noarch = Files.createDirectories(channel.resolve("noarch"));
    for (int i = 0; i < 16; i++) {
      TestPackages.copy(PKG, noarch.resolve("many-1." + i + "-0.tar.bz2"));  // identical bytes under 16 tags
    }
    TempChannel.index(noarch);
    try (CondaOci oci = connect(registry, new RecordingListener())) {
      MirrorResult r = oci.mirror(MirrorSpec.builder().channel("many").channelUrl(channel.toUri())
          .subdirs(List.of("noarch")).workers(8).cacheDir(cache).build());
      assertTrue(r.ok(), r.failed().toString());
      assertEquals(16, r.pushed().size());
      assertEquals(16, new RegistryHttp(registry).tags("mirrors/many/noarch/many").size());
    }
  }

  @Test
  void filteredMirrorPublishesOnlyWhatTheRegistryHoldsAndKeepsEarlierSelections(LocalRegistry registry,
      @TempDir Path channel, @TempDir Path cache) throws Exception {
    Path noarch = Files.createDirectories(channel.resolve("noarch"));
    TestPackages.copy(PKG, noarch.resolve("alpha-1.0-0.tar.bz2"));
    TestPackages.copy(PKG, noarch.resolve("beta-1.0-0.tar.bz2"));
    TempChannel.index(noarch);
    RegistryHttp http = new RegistryHttp(registry);
    try (CondaOci oci = connect(registry, new RecordingListener())) {
      MirrorSpec.Builder b = MirrorSpec.builder().channel("filtered").channelUrl(channel.toUri())
          .subdirs(List.of("noarch")).cacheDir(cache);
      assertTrue(oci.mirror(b.packages(List.of("a*")).build()).ok());
      assertEquals(List.of("alpha-1.0-0.tar.bz2"), published(http));
      assertTrue(oci.mirror(b.packages(List.of("b*")).build()).ok());
      assertEquals(List.of("alpha-1.0-0.tar.bz2", "beta-1.0-0.tar.bz2"), published(http));
    }
  }

  private static List<String> published(RegistryHttp http) throws Exception {
    String repo = "mirrors/filtered/noarch/repodata.json";
    JsonNode m = http.manifest(repo, "latest");
    JsonNode repodata = MirrorIT.MAPPER.readTree(http.blob(repo, m.path("layers").get(0).path("digest").asText()));
    List<String> names = new java.util.ArrayList<>();
    repodata.path("packages").fieldNames().forEachRemaining(names::add);
    names.sort(null);
    return names;
  }
}
