package org.containerops.mirror.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorListener;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.api.PullCacheResult;
import org.containerops.mirror.api.PullCacheSpec;
import org.containerops.mirror.layout.ManifestLayout;
import org.containerops.mirror.registry.Limits;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.mirror.registry.RetryPolicy;
import org.containerops.runtime.transfer.TempFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 §4 against a misbehaving registry and channel of the test's own (loopback, bounded): every
 * blob read stops at its descriptor's size and checks the digest while streaming, manifests and
 * repodata stop at their limit, a timed-out download leaves no temp file, and a failed run leaves no
 * snapshot or {@code .part} file behind.
 */
class HostileRegistryTest {
  private static final RetryPolicy ONE_SECOND = new RetryPolicy(Duration.ofSeconds(1), List.of());
  private static final RetryPolicy TEN_SECONDS = new RetryPolicy(Duration.ofSeconds(10), List.of());
  private static final byte[] FORTY = "a".repeat(40).getBytes(StandardCharsets.US_ASCII);
  private static final long BOUND = 64L << 20;  // what a flood may push through socket buffers before the hang-up

  private static String sha256(byte[] b) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static String repodataManifest(long size, String digest) {
    return new String(ManifestLayout.manifest(List.of(ManifestLayout.titledLayer(ManifestLayout.REPODATA, size, digest,
        "repodata.json", "2026.01.01.00.00"))), StandardCharsets.UTF_8);
  }

  private static PullCacheResult pull(HostileServer s, String channel, Path cache, RetryPolicy retry, Limits limits) {
    try (CondaOci oci = CondaOci.connect(RegistryAddress.parse(s.hostPort() + "/m"), Optional.empty(), retry, limits,
        new MirrorListener() {})) {
      return oci.pullCache(new PullCacheSpec(channel, List.of("noarch"), List.of(), true, cache, 1));
    }
  }

  private static TreeSet<String> tree(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      TreeSet<String> out = new TreeSet<>();
      s.filter(p -> !p.equals(root)).forEach(p -> out.add(root.relativize(p).toString()));
      return out;
    }
  }

  @Test
  void blobLongerThanItsDescriptorStopsAtTheSizeAndLeavesNothing(@TempDir Path cache) throws Exception {
    try (HostileServer s = new HostileServer()) {
      String digest = sha256(FORTY);
      s.route("/v2/m/flood/noarch/repodata.json/manifests/latest", ex -> HostileServer.body(ex, 200,
          repodataManifest(40, digest)));
      s.route("/v2/m/flood/noarch/repodata.json/blobs/" + digest, s.flood(new String(FORTY, StandardCharsets.US_ASCII)));
      long start = System.nanoTime();
      PullCacheResult r = pull(s, "flood", cache, TEN_SECONDS, Limits.DEFAULT);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(r.failed().get("noarch").contains("longer than the declared 40 bytes"), r.failed().toString());
      assertTrue(millis < 8_000, millis + " ms");
      assertTrue(s.bytesSent.get() < BOUND, s.bytesSent.get() + " bytes sent of " + HostileServer.FLOOD_BYTES);
      assertEquals(new TreeSet<>(List.of("noarch")), tree(cache), "no file, no .part");
    }
  }

  @Test
  void manifestPastItsLimitIsRefused(@TempDir Path cache) throws Exception {
    try (HostileServer s = new HostileServer()) {
      s.route("/v2/m/bigmanifest/noarch/repodata.json/manifests/latest", s.flood("{\"schemaVersion\":2,"));
      PullCacheResult r = pull(s, "bigmanifest", cache, TEN_SECONDS, new Limits(1 << 20, Limits.DEFAULT.repodataBytes()));
      assertTrue(r.failed().get("noarch").contains("more than the limit of 1048576 bytes"), r.failed().toString());
      assertTrue(s.bytesSent.get() < BOUND, s.bytesSent.get() + " bytes sent");
      assertEquals(new TreeSet<>(List.of("noarch")), tree(cache));
    }
  }

  @Test
  void timedOutDownloadLeavesNoPartFile(@TempDir Path cache) throws Exception {
    try (HostileServer s = new HostileServer()) {
      byte[] body = new byte[1000];
      String digest = sha256(body);
      s.route("/v2/m/slow/noarch/repodata.json/manifests/latest", ex -> HostileServer.body(ex, 200,
          repodataManifest(body.length, digest)));
      s.route("/v2/m/slow/noarch/repodata.json/blobs/" + digest, HostileServer.trickle(body.length, 100, 20_000));
      long start = System.nanoTime();
      PullCacheResult r = pull(s, "slow", cache, ONE_SECOND, Limits.DEFAULT);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(r.failed().get("noarch").contains("timed out"), r.failed().toString());
      assertEquals(new TreeSet<>(List.of("noarch")), tree(cache), "the .part is gone when the call returns");
      assertTrue(millis < 8_000, millis + " ms");
    }
  }

  @Test
  void channelPackageAndRepodataFloodsAreBoundedAndFailedMirrorLeavesNothing(@TempDir Path cache) throws Exception {
    try (HostileServer s = new HostileServer()) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode repodata = m.createObjectNode();
      repodata.putObject("info").put("subdir", "noarch");
      repodata.putObject("packages").putObject("flood-1.0-0.tar.bz2").put("name", "flood").put("version", "1.0")
          .put("build", "0").put("size", 40).put("sha256", sha256(FORTY).substring(7));
      s.route("/channel/noarch/repodata.json", ex -> HostileServer.body(ex, 200, m.writeValueAsString(repodata)));
      s.route("/channel/noarch/flood-1.0-0.tar.bz2", s.flood(""));
      s.route("/channel/osx-64/repodata.json", s.flood("{\"packages\":{"));
      MirrorResult r;
      try (CondaOci oci = CondaOci.connect(RegistryAddress.parse(s.hostPort() + "/m"), Optional.empty(), TEN_SECONDS,
          new Limits(1 << 20, 1 << 20), new MirrorListener() {})) {
        r = oci.mirror(MirrorSpec.builder().channel("c").channelUrl(s.uri("/channel/")).subdirs(List.of("noarch", "osx-64"))
            .cacheDir(cache).workers(1).build());
      }
      assertTrue(r.failed().get("noarch/flood-1.0-0.tar.bz2").contains("longer than the declared 40 bytes"),
          r.failed().toString());
      assertTrue(r.failed().get("osx-64").contains("more than the limit of 1048576 bytes"), r.failed().toString());
      assertEquals(List.of(), r.repodataPublished());
      assertTrue(s.bytesSent.get() < 2 * BOUND, s.bytesSent.get() + " bytes sent");
      assertEquals(new TreeSet<>(List.of("c", "c/noarch", "c/osx-64")), tree(cache), "no snapshot, no download, no .part");
      assertEquals(0, TempFiles.liveCount(), "no temp file registered any more");
    }
  }

}
