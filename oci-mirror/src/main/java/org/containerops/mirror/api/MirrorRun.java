package org.containerops.mirror.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.containerops.mirror.channel.ChannelSource;
import org.containerops.mirror.conda.ArchiveFormat;
import org.containerops.mirror.conda.Repodata;
import org.containerops.mirror.conda.RepodataEntry;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.mirror.plan.Glob;
import org.containerops.mirror.plan.MirrorPlan;
import org.containerops.mirror.plan.PackageGroup;
import org.containerops.mirror.tags.TagSet;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.transfer.TempFiles;

/**
 * One {@code mirror} run, subdir by subdir: snapshot the channel's repodata once, compare with the
 * registry's decoded tags of each package repository, push what is missing in parallel, then publish
 * the repodata of that subdir, filtered to what the registry holds, only if every push succeeded.
 *
 * <p>Repodata file names come from the network: a name that is a path (separator, {@code ..}, control
 * character) is a counted failure, and downloads go to {@link ConfinedPath#resolveCondaFile} in the
 * cache dir. The snapshot and downloads are removed on every path, JVM exit included (issue 17 §1, §4).
 * Each run works in its own {@link RunDirectory}, so two runs at once never share files, and a run
 * removes what a killed run left (issue 12 §4).
 */
final class MirrorRun {
  private final MirrorSpec spec;
  private final boolean dryRun;
  private final Transfers transfers;
  private final ExecutorService workers;
  private final ChannelSource channel;
  private final List<Glob> globs;
  private final ZonedDateTime now = ZonedDateTime.now();
  private final List<String> pushed = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> invalid = new ConcurrentHashMap<>();
  private final Map<String, String> failed = new ConcurrentHashMap<>();
  private final List<String> published = new ArrayList<>();
  private int present;

  MirrorRun(MirrorSpec spec, boolean dryRun, Transfers transfers, ExecutorService workers, ChannelSource channel) {
    this.spec = spec;
    this.dryRun = dryRun;
    this.transfers = transfers;
    this.workers = workers;
    this.channel = channel;
    this.globs = spec.packages().stream().map(Glob::of).toList();
  }

  MirrorResult run() {
    long start = System.nanoTime();
    for (String subdir : spec.subdirs()) {
      Path work = null;
      try {
        work = RunDirectory.create(spec.cacheDir().resolve(spec.channel()).resolve(subdir));
        subdir(subdir, work);
      } catch (IOException e) {
        failed.put(subdir, subdir + ": " + e.getMessage());
        transfers.listener.failed(subdir, e.getMessage());
      } finally {
        deleteQuietly(work);
      }
    }
    return new MirrorResult(new TreeSet<>(pushed).stream().toList(), present, invalid, failed,
        transfers.blobs.get(), transfers.manifests.get(), transfers.bytes.get(), published, dryRun,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private void subdir(String subdir, Path work) throws IOException {
    Path snapshot = TempFiles.createTemp(work, "repodata.json");
    try {
      subdir(subdir, work, snapshot);
    } finally {
      TempFiles.discard(snapshot);  // a failed or interrupted run leaves no snapshot behind
    }
  }

  private void subdir(String subdir, Path work, Path snapshot) throws IOException {
    int failedBefore = failed.size();
    try {
      channel.fetch(subdir, "repodata.json", snapshot);
    } catch (NoSuchFileException e) {
      throw new IOException("channel has no " + channel.resolve(subdir, "repodata.json"));
    }
    List<RepodataEntry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(snapshot)) {
      for (RepodataEntry e : Repodata.read(in)) {
        if (leavesDirectory(e.fileName())) {  // a name from the network that is a path: refused, counted
          String key = subdir + "/" + PullCacheRun.printable(e.fileName());
          String why = "refused " + key + ": not a single file name (separator, '..', control character or leading '.')";
          failed.put(key, why);
          transfers.listener.failed(key, why);
        } else {
          entries.add(e);
        }
      }
    }
    String prefix = spec.channel() + "/" + subdir;
    MirrorPlan plan = MirrorPlan.of(prefix, entries, globs);
    plan.invalid().forEach((file, why) -> {
      invalid.put(file, why);
      transfers.listener.warning("skipping " + subdir + "/" + file + ": " + why);
    });
    Set<String> presentFiles = ConcurrentHashMap.newKeySet();
    List<PackageGroup> todo = missing(plan.groups(), presentFiles);
    synchronized (this) {
      present += presentFiles.size();
    }
    transfers.listener.planned(subdir, todo.size(), presentFiles.size());
    if (dryRun) {
      todo.forEach(g -> transfers.listener.wouldPush(g.ref(), files(g)));
      todo.forEach(g -> pushed.add(g.ref()));
      return;
    }
    List<Future<?>> jobs = new ArrayList<>();
    for (PackageGroup g : todo) {
      jobs.add(workers.submit(() -> push(subdir, work, g, presentFiles)));
    }
    await(jobs);
    if (failed.size() > failedBefore) {
      transfers.listener.warning("repodata for " + prefix + " not published: " + (failed.size() - failedBefore)
          + " package(s) failed");
      return;
    }
    publish(subdir, work, snapshot, entries, presentFiles);
  }

  /**
   * Whether a repodata file name cannot be one file in one directory: a separator, a control
   * character, {@code ..}, or a leading {@code .}. Such entries are failures, not skipped tags.
   */
  static boolean leavesDirectory(String fileName) {
    return fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.contains("..")
        || fileName.startsWith(".") || fileName.chars().anyMatch(Character::isISOControl);
  }

  /** Groups not (fully) in the registry; records of the others go into {@code presentFiles}. */
  private List<PackageGroup> missing(List<PackageGroup> groups, Set<String> presentFiles) throws IOException {
    Map<String, List<PackageGroup>> byRepo = new LinkedHashMap<>();
    groups.forEach(g -> byRepo.computeIfAbsent(g.repository(), k -> new ArrayList<>()).add(g));
    Map<String, Future<TagSet>> tags = new LinkedHashMap<>();
    for (String repo : byRepo.keySet()) {
      tags.put(repo, workers.submit(() -> decodedTags(repo)));
    }
    List<PackageGroup> todo = new ArrayList<>();
    for (Map.Entry<String, List<PackageGroup>> r : byRepo.entrySet()) {
      TagSet existing = get(tags.get(r.getKey()));
      if (existing.size() == 0) {
        transfers.repositoryIsNew(r.getKey());
      }
      for (PackageGroup g : r.getValue()) {
        if (!existing.has(g.tag())) {
          todo.add(g);
        } else if (g.entries().size() == 1) {
          presentFiles.add(g.entries().get(0).fileName());
        } else {
          Optional<List<Descriptor>> layers = transfers.client.manifest(g.repository(), g.tag());
          List<ArchiveFormat> have = layers.map(PackagePusher::formats).orElse(List.of());
          if (g.entries().stream().allMatch(e -> have.contains(e.format()))) {
            g.entries().forEach(e -> presentFiles.add(e.fileName()));
          } else {
            todo.add(g);
          }
        }
      }
    }
    return todo;
  }

  private TagSet decodedTags(String repo) throws IOException {
    try {
      return new TagSet(transfers.client.tags(repo));
    } catch (IOException e) {
      if (dryRun) {
        transfers.listener.warning("cannot list tags of " + repo + " (" + e.getMessage() + "); counting it as empty");
        return new TagSet(List.of());
      }
      throw e;
    }
  }

  private Void push(String subdir, Path work, PackageGroup g, Set<String> presentFiles) {
    List<Path> files = new ArrayList<>();
    try {
      List<PackagePusher.Archive> archives = new ArrayList<>();
      for (RepodataEntry e : g.entries()) {
        Path target = ConfinedPath.resolveCondaFile(work, e.fileName());
        files.add(target);
        archives.add(new PackagePusher.Archive(target, channel.download(subdir, e, target), e.sha256() != null));
      }
      long bytes = new PackagePusher(transfers, now).push(g.repository(), g.tag(), archives).bytes();
      g.entries().forEach(e -> presentFiles.add(e.fileName()));
      pushed.add(g.ref());
      transfers.listener.pushed(g.ref(), files(g), bytes);
    } catch (IOException | RuntimeException e) {
      String message = subdir + "/" + String.join(" + ", files(g)) + ": " + e.getMessage();
      g.entries().forEach(x -> failed.put(subdir + "/" + x.fileName(), message));
      transfers.listener.failed(subdir + "/" + g.entries().get(0).fileName(), message);
    } finally {
      files.forEach(TempFiles::discard);
    }
    return null;
  }

  private void publish(String subdir, Path work, Path snapshot, List<RepodataEntry> entries, Set<String> presentFiles)
      throws IOException {
    Set<String> keep = new HashSet<>(presentFiles);
    Set<String> all = new HashSet<>();
    entries.forEach(e -> all.add(e.fileName()));
    if (keep.size() < all.size()) {
      keep.addAll(new RepodataStore(transfers).publishedFiles(spec.channel(), subdir, work));
      keep.retainAll(all);
    }
    Path out = TempFiles.createTemp(work, "repodata.publish.json");
    try {
      if (keep.size() == all.size()) {
        Files.copy(snapshot, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);  // upstream bytes
      } else {
        try (InputStream in = Files.newInputStream(snapshot); OutputStream o = Files.newOutputStream(out)) {
          Repodata.writeFiltered(in, subdir, keep::contains, Map.of(), o);
        }
      }
      List<String> tags = new RepodataStore(transfers).publish(spec.channel(), subdir, out, now);
      if (!tags.isEmpty()) {
        published.add(subdir);
        transfers.listener.repodataPublished(subdir, tags);
      }
    } finally {
      TempFiles.discard(out);
    }
  }

  private void deleteQuietly(Path work) {
    try {
      if (work != null) {
        RunDirectory.delete(work);
      }
    } catch (IOException e) {
      transfers.listener.warning("cannot remove " + work + ": " + e.getMessage());
    }
  }

  private static List<String> files(PackageGroup g) {
    return g.entries().stream().map(RepodataEntry::fileName).toList();
  }

  private static <T> T get(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void await(List<Future<?>> jobs) throws IOException {
    for (Future<?> j : jobs) {
      get(j);
    }
  }

  static Map<String, String> sorted(Map<String, String> m) {
    return new TreeMap<>(m);
  }
}
