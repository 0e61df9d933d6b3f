package org.containerops.mirror.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorListener;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.api.PullCacheResult;
import org.containerops.mirror.api.PullCacheSpec;
import org.containerops.mirror.conda.Repodata;
import org.containerops.mirror.conda.RepodataEntry;
import org.containerops.mirror.plan.MirrorPlan;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.mirror.registry.RetryPolicy;

/**
 * Benchmarks printed as Markdown rows (never asserted). Usage:
 * {@code mirror <host:port> <fixture channel> <work dir> <packages>} or {@code plan <work dir> <MB>}.
 */
public final class MirrorBench {
  private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(60), List.of(Duration.ofSeconds(1)));

  private MirrorBench() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("plan")) {
      plan(Path.of(args[1]), Long.parseLong(args[2]));
    } else {
      mirror(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
    }
  }

  private static void mirror(String registry, Path fixture, Path work, int count) throws Exception {
    Path generated = work.resolve("generated");
    long bytes = GeneratedChannel.packages(generated, count, 16 * 1024);
    try (CondaOci oci = CondaOci.connect(RegistryAddress.parse(registry + "/bench"), Optional.empty(), POLICY,
        MirrorListener.NONE)) {
      MirrorSpec fixtureSpec = MirrorSpec.builder().channel("fixture").channelUrl(fixture.toUri())
          .subdirs(List.of("noarch", "osx-64")).cacheDir(work.resolve("cache")).build();
      MirrorResult f1 = check(oci.mirror(fixtureSpec));
      row("fixture channel, first mirror (4 packages)", f1, -1);
      MirrorResult f2 = check(oci.mirror(fixtureSpec));
      row("fixture channel, unchanged re-run", f2, -1);
      long t = System.nanoTime();
      PullCacheResult p = oci.pullCache(new PullCacheSpec("fixture", List.of("noarch", "osx-64"), List.of(), true,
          work.resolve("pulled-fixture"), 4));
      System.out.printf(Locale.ROOT, "| fixture channel, pull-cache --all-versions | %d files | %.2f s | %d bytes | |%n",
          p.files().size(), (System.nanoTime() - t) / 1e9, p.bytes());

      MirrorSpec genSpec = MirrorSpec.builder().channel("generated").channelUrl(generated.toUri())
          .subdirs(List.of("noarch")).cacheDir(work.resolve("cache")).build();
      MirrorResult g1 = check(oci.mirror(genSpec));
      row("generated channel, first mirror (" + count + " packages, " + bytes / 1024 / 1024 + " MB)", g1, bytes);
      MirrorResult g2 = check(oci.mirror(genSpec));
      row(String.format(Locale.ROOT, "generated channel, unchanged re-run (%.1f%% of first)",
          100.0 * g2.elapsed().toNanos() / g1.elapsed().toNanos()), g2, -1);
      double firstSeconds = g1.elapsed().toNanos() / 1e9;
      summary("oci-mirror", "first mirror, " + count + " generated packages",
          String.format(Locale.ROOT, "%.0f packages/s, %.1f MB/s", g1.pushed().size() / firstSeconds, bytes / 1e6 / firstSeconds),
          "-", "-");
      summary("oci-mirror", "unchanged re-run", String.format(Locale.ROOT, "%.2f s", g2.elapsed().toNanos() / 1e9),
          String.format(Locale.ROOT, "%.1f%% of first", 100.0 * g2.elapsed().toNanos() / g1.elapsed().toNanos()), "<= 10%");
      t = System.nanoTime();
      PullCacheResult gp = oci.pullCache(new PullCacheSpec("generated", List.of("noarch"), List.of(), false,
          work.resolve("pulled-generated"), 4));
      double s = (System.nanoTime() - t) / 1e9;
      System.out.printf(Locale.ROOT, "| generated channel, pull-cache newest per name | %d files | %.2f s | %.1f MB/s | |%n",
          gp.files().size(), s, gp.bytes() / 1e6 / s);
    }
  }

  private static MirrorResult check(MirrorResult r) {
    if (!r.ok()) {
      throw new IllegalStateException("bench run failed: " + r.failed());
    }
    return r;
  }

  private static void row(String what, MirrorResult r, long archiveBytes) {
    double s = r.elapsed().toNanos() / 1e9;
    String rate = archiveBytes < 0 ? "" : String.format(Locale.ROOT, "%.0f packages/s, %.1f MB/s",
        r.pushed().size() / s, archiveBytes / 1e6 / s);
    System.out.printf(Locale.ROOT, "| %s | %d pushed, %d present | %.2f s | %d blobs, %d manifests uploaded | %s |%n",
        what, r.pushed().size(), r.present(), s, r.blobsUploaded(), r.manifestsPushed(), rate);
  }

  private static void plan(Path work, long megabytes) throws Exception {
    Path file = work.resolve("big-repodata.json");
    long size = GeneratedChannel.repodata(file, megabytes * 1024 * 1024);
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long t = System.nanoTime();
    List<RepodataEntry> entries;
    try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      entries = Repodata.read(in);
    }
    MirrorPlan plan = MirrorPlan.of("conda-forge/linux-64", entries, List.of());
    double s = (System.nanoTime() - t) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "| read + plan a %d MB repodata.json (-Xmx%d MB) | %d records, %d groups | %.2f s | peak heap %d MB | |%n",
        size / 1024 / 1024, Runtime.getRuntime().maxMemory() / 1024 / 1024, entries.size(), plan.groups().size(), s,
        peak / 1024 / 1024);
    summary("oci-mirror", "read + plan " + size / 1024 / 1024 + " MB repodata.json",
        String.format(Locale.ROOT, "%.2f s, peak heap %d MB", s, peak / 1024 / 1024), "-",
        "-Xmx" + Runtime.getRuntime().maxMemory() / 1024 / 1024 + "m");
    Files.delete(file);
  }

  /** Appends one line to the bench summary scripts/bench.d/99-summary.sh prints ($BENCH_SUMMARY). */
  private static void summary(String tool, String figure, String value, String ratio, String target)
      throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Path.of(
        System.getenv().getOrDefault("BENCH_SUMMARY", "target/bench-summary.tsv"));
    java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
    java.nio.file.Files.writeString(file, String.join("\t", tool, figure, value, ratio, target) + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }
}
