package org.containerops.mirror.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.bench.GeneratedChannel;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.runtime.testing.LocalRegistry;
import org.containerops.runtime.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §4 on the real registry: a mirror killed with SIGKILL part-way publishes no repodata; the
 * re-run uploads only what is missing (counted in the registry's access log), publishes, and removes
 * what the killed run left in the cache; two mirrors of one channel at once never publish a repodata
 * listing a package the registry lacks.
 */
@ExtendWith(RegistryExtension.class)
class ResumeIT {
  private static final int N = 40;
  private static final Pattern MANIFEST_PUT = Pattern.compile("\"PUT /v2/mirrors/(\\w+)/noarch/([\\w-]+)/manifests/");

  private static MirrorSpec spec(String channel, Path tmp) {
    return MirrorSpec.builder().channel(channel).channelUrl(tmp.resolve("channel").toUri()).subdirs(List.of("noarch"))
        .cacheDir(tmp.resolve("cache")).workers(2).build();
  }

  private static MirrorResult mirror(LocalRegistry registry, MirrorSpec spec) {
    try (CondaOci oci = CondaOci.connect(RegistryAddress.parse(registry.hostPort() + "/mirrors"), Optional.empty(),
        MirrorIT.FAST, new RecordingListener())) {
      return oci.mirror(spec);
    }
  }

  /** Package repositories whose manifest PUT appears in {@code log} (repodata excluded). */
  private static List<String> manifestPuts(String log, String channel) {
    List<String> out = new ArrayList<>();
    Matcher m = MANIFEST_PUT.matcher(log);
    while (m.find()) {
      if (m.group(1).equals(channel) && !m.group(2).equals("repodata")) {
        out.add(m.group(2));
      }
    }
    return out;
  }

  private static TreeSet<String> repositoriesWithTags(RegistryHttp http, String channel) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    for (int i = 0; i < N; i++) {
      if (!http.tags("mirrors/" + channel + "/noarch/bench-pkg-" + i).isEmpty()) {
        out.add("bench-pkg-" + i);
      }
    }
    return out;
  }

  @Test
  void killedMidMirrorThenRerunUploadsOnlyWhatIsMissingAndPublishesLast(LocalRegistry registry, @TempDir Path tmp)
      throws Exception {
    GeneratedChannel.packages(tmp.resolve("channel"), N, 4096);
    RegistryHttp http = new RegistryHttp(registry);
    int logStart = registry.log().length();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "org.containerops.mirror.cli.CondaOciCli", "mirror", "-c", "resume", "--channel-url",
        tmp.resolve("channel").toString(), "-s", "noarch", "--registry", registry.hostPort() + "/mirrors",
        "--cache-dir", tmp.resolve("cache").toString(), "--workers", "2", "--retries", "0", "--quiet")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (manifestPuts(registry.log().substring(logStart), "resume").size() < N / 3) {
        assertTrue(child.isAlive(), "the child ended before it could be killed: " + Files.readString(tmp.resolve("child.log")));
        assertTrue(System.nanoTime() < deadline, "no progress in 120 s");
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly();  // SIGKILL: no shutdown hook, no clean-up
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
    assertEquals(List.of(), http.tags("mirrors/resume/noarch/repodata.json"), "no repodata before every package is in");
    TreeSet<String> before = repositoriesWithTags(http, "resume");
    assertTrue(before.size() >= N / 3 && before.size() < N, before.toString());

    int logAgain = registry.log().length();
    MirrorResult r = mirror(registry, spec("resume", tmp));
    assertTrue(r.ok(), r.failed().toString());
    assertEquals(N - before.size(), r.pushed().size(), "only what was missing");
    assertEquals(before.size(), r.present());
    List<String> again = manifestPuts(registry.log().substring(logAgain), "resume");
    assertEquals(N - before.size(), again.size(), again.toString());
    again.forEach(repo -> assertFalse(before.contains(repo), repo + " pushed twice"));
    JsonNode latest = http.manifest("mirrors/resume/noarch/repodata.json", "latest");
    assertNotNull(latest, "published after the re-run");
    JsonNode published = MirrorIT.MAPPER.readTree(http.blob("mirrors/resume/noarch/repodata.json",
        latest.path("layers").get(0).path("digest").asText()));
    assertEquals(N, published.path("packages").size());
    try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
      assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), "what the killed run left is gone");
    }
  }

  @Test
  void twoMirrorsAtOnceNeverPublishARepodataWhosePackagesAreMissing(LocalRegistry registry, @TempDir Path tmp)
      throws Exception {
    GeneratedChannel.packages(tmp.resolve("channel"), N, 4096);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<MirrorResult> a = two.submit(() -> mirror(registry, spec("twice", tmp)));
      Future<MirrorResult> b = two.submit(() -> mirror(registry, spec("twice", tmp)));
      MirrorResult ra = a.get(300, TimeUnit.SECONDS);
      MirrorResult rb = b.get(300, TimeUnit.SECONDS);
      assertTrue(ra.ok(), ra.failed().toString());
      assertTrue(rb.ok(), rb.failed().toString());
    } finally {
      two.shutdownNow();
    }
    RegistryHttp http = new RegistryHttp(registry);
    JsonNode latest = http.manifest("mirrors/twice/noarch/repodata.json", "latest");
    JsonNode published = MirrorIT.MAPPER.readTree(http.blob("mirrors/twice/noarch/repodata.json",
        latest.path("layers").get(0).path("digest").asText()));
    assertEquals(N, published.path("packages").size());
    for (var rec : published.path("packages").properties()) {
      String name = rec.getValue().path("name").asText();
      String tag = rec.getValue().path("version").asText() + "-" + rec.getValue().path("build").asText();
      assertNotNull(http.manifest("mirrors/twice/noarch/" + name, tag), "listed and present: " + name + ":" + tag);
    }
    try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
      assertEquals(List.of(), s.filter(Files::isRegularFile).toList());
    }
  }
}
