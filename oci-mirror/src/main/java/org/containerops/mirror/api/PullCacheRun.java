package org.containerops.mirror.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.containerops.mirror.channel.ChannelSource;
import org.containerops.mirror.conda.PackageFileName;
import org.containerops.mirror.conda.Repodata;
import org.containerops.mirror.conda.RepodataEntry;
import org.containerops.mirror.conda.VersionOrder;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.mirror.plan.Glob;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;
import org.containerops.runtime.transfer.TempFiles;

/**
 * {@code pull-cache}: reads {@code <channel>/<subdir>/repodata.json:latest} once per subdir, picks the
 * newest build of the newest version per name (conda version order, then build number; upstream used
 * StrictVersion and aborted on many versions, and forgot the {@code zzz} prefix and tag encoding,
 * {@code mirror.py:164-227}), downloads each archive layer checked against its digest and the
 * repodata's sha256, and writes a {@code repodata.json} listing exactly the archives in the directory.
 *
 * <p>File names come from the registry's repodata, i.e. from the network: each goes through
 * {@link ConfinedPath#resolveCondaFile} before it touches the disk, and a refused name is a counted
 * failure naming the entry, never a write (issue 17 §1). Files are written through {@link TempFiles}
 * (removed on every failure path and at JVM exit) and get the umask's permissions (issue 17 §4, §6).
 */
final class PullCacheRun {
  private static final Comparator<RepodataEntry> NEWEST = Comparator
      .comparing((RepodataEntry e) -> VersionOrder.of(e.version())).thenComparingLong(RepodataEntry::buildNumber);
  private final PullCacheSpec spec;
  private final Transfers transfers;
  private final ExecutorService workers;
  private final List<Glob> globs;
  private final Map<String, String> failed = new ConcurrentHashMap<>();
  private final List<Path> files = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger downloaded = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  PullCacheRun(PullCacheSpec spec, Transfers transfers, ExecutorService workers) {
    this.spec = spec;
    this.transfers = transfers;
    this.workers = workers;
    this.globs = spec.packages().stream().map(Glob::of).toList();
  }

  PullCacheResult run() {
    long start = System.nanoTime();
    for (String subdir : spec.subdirs()) {
      try {
        subdir(subdir);
      } catch (IOException | RuntimeException e) {
        failed.put(subdir, subdir + ": " + e.getMessage());
        transfers.listener.failed(subdir, e.getMessage());
      }
    }
    try {
      Path noarch = spec.cacheDir().resolve("noarch").resolve("repodata.json");
      if (!failed.isEmpty() || Files.exists(noarch)) {
        return result(start);
      }
      Path tmp = TempFiles.createTemp(noarch.getParent(), "repodata.json");  // conda wants noarch in every channel
      try {
        try (OutputStream o = Files.newOutputStream(tmp)) {
          Repodata.writeFiltered(null, "noarch", f -> false, Map.of(), o);
        }
        TempFiles.commit(tmp, noarch);
      } finally {
        TempFiles.discard(tmp);
      }
    } catch (IOException e) {
      failed.put("noarch", "cannot write " + e.getMessage());
    }
    return result(start);
  }

  private PullCacheResult result(long start) {
    List<Path> sorted = new ArrayList<>(files);
    sorted.sort(null);
    return new PullCacheResult(sorted, downloaded.get(), bytes.get(), failed, Duration.ofNanos(System.nanoTime() - start));
  }

  private void subdir(String subdir) throws IOException {
    Path dir = ConfinedPath.resolve(spec.cacheDir(), subdir);
    Files.createDirectories(dir);
    Path registryRepodata = TempFiles.createTemp(dir, "registry-repodata.json");
    Path out = null;
    try {
      if (!new RepodataStore(transfers).download(spec.channel(), subdir, registryRepodata)) {
        throw new IOException("the registry has no " + RepodataStore.repository(spec.channel(), subdir) + ":latest");
      }
      List<RepodataEntry> entries;
      try (InputStream in = Files.newInputStream(registryRepodata)) {
        entries = Repodata.read(in);
      }
      List<Future<?>> jobs = new ArrayList<>();
      for (RepodataEntry e : select(entries)) {
        jobs.add(workers.submit(() -> pull(subdir, dir, e)));
      }
      for (Future<?> j : jobs) {
        try {
          j.get();
        } catch (ExecutionException | InterruptedException e) {
          throw new IOException("download worker: " + e.getMessage(), e);
        }
      }
      out = TempFiles.createTemp(dir, "repodata.json");
      try (InputStream in = Files.newInputStream(registryRepodata); OutputStream o = Files.newOutputStream(out)) {
        Repodata.writeFiltered(in, subdir, f -> present(dir, f), Map.of(), o);
      }
      TempFiles.commit(out, dir.resolve("repodata.json"));
    } finally {
      TempFiles.discard(out);
      TempFiles.discard(registryRepodata);
    }
  }

  /** Whether the archive named {@code file} (a name from the network) is a regular file in {@code dir}. */
  private static boolean present(Path dir, String file) {
    try {
      return Files.isRegularFile(ConfinedPath.resolveCondaFile(dir, file));
    } catch (UnsafePathException e) {
      return false;
    }
  }

  private List<RepodataEntry> select(List<RepodataEntry> entries) {
    List<RepodataEntry> chosen = entries.stream()
        .filter(e -> globs.isEmpty() || globs.stream().anyMatch(g -> g.matches(e.name()))).toList();
    if (spec.allVersions()) {
      return chosen;
    }
    Map<String, RepodataEntry> newest = new LinkedHashMap<>();
    for (RepodataEntry e : chosen) {
      newest.merge(e.name(), e, (a, b) -> NEWEST.compare(b, a) > 0 ? b : a);  // ties keep the first
    }
    return chosen.stream().filter(e -> {
      RepodataEntry n = newest.get(e.name());
      return n.version().equals(e.version()) && n.build().equals(e.build());
    }).toList();
  }

  private Void pull(String subdir, Path dir, RepodataEntry e) {
    Path target;
    try {
      target = ConfinedPath.resolveCondaFile(dir, e.fileName());
    } catch (UnsafePathException ex) {
      String key = subdir + "/" + printable(e.fileName());
      failed.put(key, ex.getMessage());
      transfers.listener.failed(key, ex.getMessage());
      return null;
    }
    try {
      if (e.sha256() != null && Files.isRegularFile(target)
          && ChannelSource.hash(target, "SHA-256").equalsIgnoreCase(e.sha256())) {
        files.add(target);
        transfers.listener.downloaded(subdir + "/" + e.fileName(), 0);
        return null;
      }
      PackageFileName f = PackageFileName.parse(e.fileName());
      String repo = spec.channel() + "/" + subdir + "/" + f.repositoryComponent();
      Optional<List<Descriptor>> layers = transfers.client.manifest(repo, f.tag());
      Descriptor layer = layers.orElseThrow(() -> new IOException("no manifest " + repo + ":" + f.tag()))
          .stream().filter(l -> l.mediaType().equals(f.format().mediaType())).findFirst()
          .orElseThrow(() -> new IOException(repo + ":" + f.tag() + " has no " + f.format().mediaType() + " layer"));
      if (e.sha256() != null && !layer.digest().equalsIgnoreCase("sha256:" + e.sha256())) {
        throw new IOException(repo + ":" + f.tag() + " layer " + layer.digest() + " differs from repodata sha256 "
            + e.sha256());
      }
      transfers.client.fetchBlob(repo, layer.digest(), layer.size(), target);
      files.add(target);
      downloaded.incrementAndGet();
      bytes.addAndGet(Files.size(target));
      transfers.listener.downloaded(subdir + "/" + e.fileName(), Files.size(target));
    } catch (IOException | RuntimeException ex) {
      failed.put(subdir + "/" + e.fileName(), ex.getMessage());
      transfers.listener.failed(subdir + "/" + e.fileName(), ex.getMessage());
    }
    return null;
  }

  /** A name from the network for a message or a result key: control characters (NUL, newline) as {@code ?}. */
  static String printable(String name) {
    return name.replaceAll("\\p{Cntrl}", "?");
  }
}
