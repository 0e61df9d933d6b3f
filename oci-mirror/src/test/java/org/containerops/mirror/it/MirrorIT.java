package org.containerops.mirror.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.Zstd;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.containerops.mirror.Fixtures;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.api.PackageRepo;
import org.containerops.mirror.api.PullCacheResult;
import org.containerops.mirror.api.PullCacheSpec;
import org.containerops.mirror.cli.CondaOciCli;
import org.containerops.mirror.conda.ArchiveFormat;
import org.containerops.mirror.conda.PackageInfo;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.mirror.registry.RetryPolicy;
import org.containerops.runtime.testing.LocalRegistry;
import org.containerops.runtime.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Mirrors the fixture channel, served over HTTP, into a real docker-registry and inspects it over the HTTP API. */
@ExtendWith(RegistryExtension.class)
class MirrorIT {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final RetryPolicy FAST = new RetryPolicy(Duration.ofSeconds(10), List.of(Duration.ofMillis(50)));
  static final List<String> SUBDIRS = List.of("noarch", "osx-64");

  static MirrorResult mirror(LocalRegistry r, String channel, java.net.URI url, RecordingListener l, Path cache) {
    try (CondaOci oci = CondaOci.connect(RegistryAddress.parse(r.hostPort() + "/mirrors"), Optional.empty(), FAST, l)) {
      return oci.mirror(MirrorSpec.builder().channel(channel).channelUrl(url).subdirs(SUBDIRS).cacheDir(cache).build());
    }
  }

  @Test
  void mirrorsFixtureChannelInUpstreamV0LayoutAndReRunUploadsNothing(LocalRegistry registry, @TempDir Path cache)
      throws Exception {
    RegistryHttp http = new RegistryHttp(registry);
    try (ChannelServer server = new ChannelServer(Fixtures.channel())) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = CondaOciCli.commandLine(Map.of());
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      int code = cli.execute("mirror", "--channel", "fixture", "--channel-url", server.uri().toString(),
          "--subdir", "noarch", "--subdir", "osx-64", "--registry", registry.hostPort() + "/mirrors",
          "--cache-dir", cache.toString(), "--retries", "1");
      assertEquals(0, code, err.toString());
      assertTrue(out.toString().contains("4 pushed"), out.toString());

      for (String subdir : SUBDIRS) {
        Path dir = Fixtures.channel().resolve(subdir);
        JsonNode repodata = MAPPER.readTree(dir.resolve("repodata.json").toFile());
        for (var rec : repodata.path("packages").properties()) {
          assertPackageManifest(http, "mirrors/fixture/" + subdir, rec.getKey(), rec.getValue(), dir.resolve(rec.getKey()));
        }
        String repo = "mirrors/fixture/" + subdir + "/repodata.json";
        List<String> tags = http.tags(repo);
        assertEquals(2, tags.size(), tags.toString());
        assertTrue(tags.contains("latest"));
        assertTrue(tags.stream().anyMatch(t -> t.matches("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{2}")), tags.toString());
        JsonNode m = http.manifest(repo, "latest");
        assertEquals(2, m.path("layers").size());
        JsonNode json = m.path("layers").get(0);
        JsonNode zst = m.path("layers").get(1);
        assertEquals("application/vnd.conda.repodata.v1+json", json.path("mediaType").asText());
        assertEquals("repodata.json", json.path("annotations").path("org.opencontainers.image.title").asText());
        assertEquals("application/vnd.conda.repodata.v1+json+zst", zst.path("mediaType").asText());
        assertEquals("repodata.json.zst", zst.path("annotations").path("org.opencontainers.image.title").asText());
        byte[] published = http.blob(repo, json.path("digest").asText());
        assertArrayEquals(Files.readAllBytes(dir.resolve("repodata.json")), published, "every record present: upstream bytes");
        byte[] z = http.blob(repo, zst.path("digest").asText());
        assertArrayEquals(published, Zstd.decompress(z, published.length));
        assertFalse(MAPPER.readTree(published).path("info").has("base_url"), "rattler: no base_url");
      }

      int logBefore = registry.log().length();
      int packageDownloads = server.packageRequests.get();
      RecordingListener again = new RecordingListener();
      MirrorResult second = mirror(registry, "fixture", server.uri(), again, cache);
      // count requests in the registry's own access log: no blob upload, no manifest PUT of any kind
      String requests = registry.log().substring(logBefore);
      assertTrue(requests.contains("\"GET /v2/mirrors/fixture/noarch/run_exports_versions/tags/list"), requests);
      assertFalse(java.util.regex.Pattern.compile("\"(POST|PUT|PATCH|DELETE) /v2/").matcher(requests).find(), requests);
      assertEquals(packageDownloads, server.packageRequests.get(), "no package downloaded again");
      assertTrue(second.ok(), second.failed().toString());
      assertEquals(0, second.blobsUploaded());
      assertEquals(0, second.manifestsPushed());
      assertEquals(List.of(), again.blobs);
      assertEquals(List.of(), again.manifests);
      assertEquals(4, second.present());
      assertEquals(2, http.tags("mirrors/fixture/noarch/repodata.json").size(), "repodata not re-published");
    }
  }

  static void assertPackageManifest(RegistryHttp http, String prefix, String file, JsonNode rec, Path archive) throws Exception {
    String name = rec.path("name").asText();
    String repo = prefix + "/" + (name.startsWith("_") ? "zzz" + name : name);
    String tag = (rec.path("version").asText() + "-" + rec.path("build").asText())
        .replace("+", "__p__").replace("!", "__e__").replace("=", "__eq__");
    JsonNode m = http.manifest(repo, tag);
    assertNotNull(m, repo + ":" + tag);
    assertEquals(2, m.path("schemaVersion").asInt());
    assertEquals("application/vnd.oci.image.manifest.v1+json", m.path("mediaType").asText());
    assertFalse(m.has("artifactType"));
    assertEquals(MAPPER.readTree("{\"mediaType\":\"application/vnd.unknown.config.v1+json\",\"size\":0,"
        + "\"digest\":\"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}"), m.path("config"));
    assertEquals(MAPPER.createObjectNode(), m.path("annotations"));
    JsonNode layers = m.path("layers");
    Set<String> mediaTypes = new HashSet<>();
    layers.forEach(l -> assertTrue(mediaTypes.add(l.path("mediaType").asText()), "each mediaType once: " + l));
    String stem = file.substring(0, file.length() - (file.endsWith(".conda") ? 6 : 8));
    ArchiveFormat format = ArchiveFormat.ofFileName(file).orElseThrow();
    JsonNode a = null;
    for (JsonNode l : layers) {
      if (l.path("mediaType").asText().equals(format.mediaType())) {
        a = l;
      }
    }
    assertNotNull(a, "archive layer " + format.mediaType() + " in " + m);
    assertEquals("sha256:" + rec.path("sha256").asText(), a.path("digest").asText(), "rattler/mamba fetch by repodata sha256");
    assertEquals(rec.path("size").asLong(), a.path("size").asLong());
    assertEquals(rec.path("md5").asText(), a.path("annotations").path("org.conda.md5").asText());
    assertEquals(file, a.path("annotations").path("org.opencontainers.image.title").asText());
    assertTrue(a.path("annotations").path("creationTime").asText().matches("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{2}"));
    assertArrayEquals(Files.readAllBytes(archive), http.blob(repo, a.path("digest").asText()), "byte-identical archive");
    int n = layers.size();
    JsonNode info = layers.get(n - 2);
    JsonNode index = layers.get(n - 1);
    assertEquals("application/vnd.conda.info.v1.tar+gzip", info.path("mediaType").asText());
    assertEquals(stem + "/info.tar.gz", info.path("annotations").path("org.opencontainers.image.title").asText());
    assertEquals("application/vnd.conda.info.index.v1+json", index.path("mediaType").asText());
    assertEquals(stem + "/info/index.json", index.path("annotations").path("org.opencontainers.image.title").asText());
    assertArrayEquals(PackageInfo.read(archive, format).indexJson(), http.blob(repo, index.path("digest").asText()));
    assertTrue(http.blob(repo, "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").length == 0);
  }

  @Test
  void pullCacheGivesByteIdenticalArchivesAndARepodataListingExactlyThem(LocalRegistry registry, @TempDir Path cache,
      @TempDir Path pulled, @TempDir Path newest) throws Exception {
    try (ChannelServer server = new ChannelServer(Fixtures.channel())) {
      assertTrue(mirror(registry, "roundtrip", server.uri(), new RecordingListener(), cache).ok());
    }
    try (CondaOci oci = CondaOci.connect(RegistryAddress.parse(registry.hostPort() + "/mirrors"), Optional.empty(), FAST,
        new RecordingListener())) {
      PullCacheResult all = oci.pullCache(new PullCacheSpec("roundtrip", SUBDIRS, List.of(), true, pulled, 4));
      assertTrue(all.ok(), all.failed().toString());
      assertEquals(4, all.downloaded());
      for (String subdir : SUBDIRS) {
        Set<String> expected = new HashSet<>();
        MAPPER.readTree(Fixtures.channel().resolve(subdir + "/repodata.json").toFile()).path("packages").fieldNames()
            .forEachRemaining(expected::add);
        Set<String> files = new HashSet<>();
        try (var s = Files.list(pulled.resolve(subdir))) {
          s.map(p -> p.getFileName().toString()).filter(f -> !f.equals("repodata.json")).forEach(files::add);
        }
        assertEquals(expected, files);
        for (String f : files) {
          assertArrayEquals(Files.readAllBytes(Fixtures.channel().resolve(subdir).resolve(f)),
              Files.readAllBytes(pulled.resolve(subdir).resolve(f)), f);
        }
        Set<String> listed = new HashSet<>();
        MAPPER.readTree(pulled.resolve(subdir + "/repodata.json").toFile()).path("packages").fieldNames()
            .forEachRemaining(listed::add);
        assertEquals(expected, listed);
      }
      PullCacheResult latest = oci.pullCache(new PullCacheSpec("roundtrip", SUBDIRS, List.of(), false, newest, 2));
      assertTrue(latest.ok(), latest.failed().toString());
      List<String> names = new ArrayList<>();
      latest.files().forEach(p -> names.add(p.getFileName().toString()));
      assertEquals(List.of("run_exports_versions-2.0-h39de5ba_0.tar.bz2", "dummy-package-2.0-0.tar.bz2"), names);
      String listed = Files.readString(newest.resolve("osx-64/repodata.json"), StandardCharsets.UTF_8);
      assertTrue(listed.contains("dummy-package-2.0-0.tar.bz2") && !listed.contains("dummy-package-1.0-0.tar.bz2"));

      PackageRepo repo = oci.packageRepo("roundtrip", "osx-64");
      assertEquals("dummy-package", repo.indexJson("dummy-package:2.0-0").path("name").asText());
      assertTrue(repo.infoMembers("dummy-package:2.0-0").contains("index.json"));
      Path got = repo.fetchPackage("dummy-package:2.0-0", pulled.resolve("show"));
      assertArrayEquals(Files.readAllBytes(Fixtures.channel().resolve("osx-64/dummy-package-2.0-0.tar.bz2")),
          Files.readAllBytes(got));
    }
  }
}
