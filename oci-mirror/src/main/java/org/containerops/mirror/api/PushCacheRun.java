package org.containerops.mirror.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.containerops.mirror.conda.ArchiveDigests;
import org.containerops.mirror.conda.ArchiveFormat;
import org.containerops.mirror.conda.PackageFileName;
import org.containerops.mirror.conda.PackageInfo;
import org.containerops.mirror.conda.Repodata;
import org.containerops.mirror.plan.Glob;
import org.containerops.mirror.tags.TagCodec;
import org.containerops.mirror.tags.TagSet;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;
import org.containerops.runtime.transfer.TempFiles;

/**
 * {@code push-cache}: pushes the archives of a local channel directory that the registry lacks (all with
 * {@code all}), then republishes the subdir's repodata with their records added, only when every push of
 * that subdir succeeded. Never deletes or writes local files (upstream deletes them, even in dry-run,
 * {@code tasks.py:98-99}, and runs {@code conda index} for nothing). An archive (or subdir) that is a
 * symbolic link resolving outside the cache dir is a counted failure, never read (issue 17 §1).
 */
final class PushCacheRun {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final PushCacheSpec spec;
  private final boolean dryRun;
  private final Transfers transfers;
  private final ZonedDateTime now = ZonedDateTime.now();
  private final List<String> pushed = new ArrayList<>();
  private final Map<String, String> invalid = new TreeMap<>();
  private final Map<String, String> failed = new TreeMap<>();
  private final List<String> published = new ArrayList<>();
  private final List<Glob> globs;
  private int present;

  PushCacheRun(PushCacheSpec spec, boolean dryRun, Transfers transfers) {
    this.spec = spec;
    this.dryRun = dryRun;
    this.transfers = transfers;
    this.globs = spec.packages().stream().map(Glob::of).toList();
  }

  MirrorResult run() {
    long start = System.nanoTime();
    try {
      for (String subdir : subdirs()) {
        try {
          subdir(subdir);
        } catch (IOException | RuntimeException e) {
          failed.put(subdir, subdir + ": " + e.getMessage());
          transfers.listener.failed(subdir, e.getMessage());
        }
      }
    } catch (IOException e) {
      failed.put(spec.cacheDir().toString(), "cannot read " + spec.cacheDir() + ": " + e.getMessage());
    }
    return new MirrorResult(pushed, present, invalid, failed, transfers.blobs.get(), transfers.manifests.get(),
        transfers.bytes.get(), published, dryRun, Duration.ofNanos(System.nanoTime() - start));
  }

  private List<String> subdirs() throws IOException {
    if (!spec.subdirs().isEmpty()) {
      return spec.subdirs();
    }
    try (Stream<Path> s = Files.list(spec.cacheDir())) {
      return s.filter(Files::isDirectory).filter(d -> !archives(d).isEmpty())
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Path> archives(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> ArchiveFormat.ofFileName(p.getFileName().toString()).isPresent())
          .sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void subdir(String subdir) throws IOException {
    Path dir = ConfinedPath.resolve(spec.cacheDir(), subdir);
    if (!Files.isDirectory(dir)) {
      throw new IOException("no directory " + dir);
    }
    Map<String, List<Path>> groups = new LinkedHashMap<>();
    for (Path p : archives(dir)) {
      String file = p.getFileName().toString();
      try {  // a symbolic link out of the cache dir would push a file of the host: refused, counted
        ConfinedPath.requireInside(spec.cacheDir(), p);
      } catch (UnsafePathException | java.io.UncheckedIOException e) {
        failed.put(subdir + "/" + file, e.getMessage());
        transfers.listener.failed(subdir + "/" + file, e.getMessage());
        continue;
      }
      PackageFileName f;
      try {
        f = PackageFileName.parse(file);
      } catch (IllegalArgumentException e) {
        try {  // a corrupt archive is an error even when its name is odd too
          PackageInfo.read(p, ArchiveFormat.ofFileName(file).orElseThrow());
          invalid.put(subdir + "/" + file, e.getMessage());
          transfers.listener.warning("skipping " + subdir + "/" + file + ": " + e.getMessage());
        } catch (IOException corrupt) {
          failed.put(subdir + "/" + file, corrupt.getMessage());
          transfers.listener.failed(subdir + "/" + file, corrupt.getMessage());
        }
        continue;
      }
      if (!globs.isEmpty() && globs.stream().noneMatch(g -> g.matches(f.name()))) {
        continue;
      }
      if (!TagCodec.isLegalTag(f.tag()) || !TagCodec.isLegalRepositoryComponent(f.repositoryComponent())) {
        invalid.put(subdir + "/" + file, "tag " + f.tag() + " or name " + f.repositoryComponent() + " is not legal in OCI");
        transfers.listener.warning("skipping " + subdir + "/" + file + ": illegal OCI tag or name");
        continue;
      }
      groups.computeIfAbsent(spec.channel() + "/" + subdir + "/" + f.repositoryComponent() + ":" + f.tag(),
          k -> new ArrayList<>()).add(p);
    }
    Map<String, TagSet> tags = new TreeMap<>();
    Map<String, ObjectNode> records = new TreeMap<>();
    int failedBefore = failed.size();
    int todo = 0;
    for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
      int colon = g.getKey().lastIndexOf(':');
      String repo = g.getKey().substring(0, colon);
      String tag = g.getKey().substring(colon + 1);
      List<Path> files = new ArrayList<>(g.getValue());
      files.sort(Comparator.comparing(p -> PackageFileName.parse(p.getFileName().toString()).format()));
      if (!spec.all() && exists(repo, tag, files, tags)) {
        present += files.size();
        continue;
      }
      todo++;
      List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
      if (dryRun) {
        transfers.listener.wouldPush(g.getKey(), names);
        pushed.add(g.getKey());
        continue;
      }
      try {
        List<PackagePusher.Archive> archives = new ArrayList<>();
        for (Path f : files) {
          archives.add(new PackagePusher.Archive(f, ArchiveDigests.of(f), false));
        }
        PackagePusher.Pushed r = new PackagePusher(transfers, now).push(repo, tag, archives);
        for (PackagePusher.Archive a : archives) {
          records.put(a.path().getFileName().toString(), record(a, r.indexJson()));
        }
        pushed.add(g.getKey());
        transfers.listener.pushed(g.getKey(), names, r.bytes());
      } catch (IOException | RuntimeException e) {
        names.forEach(n -> failed.put(subdir + "/" + n, e.getMessage()));
        transfers.listener.failed(subdir + "/" + names.get(0), e.getMessage());
      }
    }
    transfers.listener.planned(subdir, todo, present);
    if (dryRun || records.isEmpty()) {
      return;
    }
    if (failed.size() > failedBefore) {
      transfers.listener.warning("repodata for " + spec.channel() + "/" + subdir + " not updated: a push failed");
      return;
    }
    republish(subdir, records);
  }

  private boolean exists(String repo, String tag, List<Path> files, Map<String, TagSet> cache) throws IOException {
    TagSet existing = cache.get(repo);
    if (existing == null) {
      existing = new TagSet(transfers.client.tags(repo));
      cache.put(repo, existing);
    }
    if (!existing.has(tag)) {
      return false;
    }
    if (files.size() == 1) {
      return true;
    }
    List<ArchiveFormat> have = transfers.client.manifest(repo, tag).map(PackagePusher::formats).orElse(List.of());
    return files.stream().allMatch(f -> have.contains(PackageFileName.parse(f.getFileName().toString()).format()));
  }

  private static ObjectNode record(PackagePusher.Archive a, byte[] indexJson) throws IOException {
    ObjectNode r = (ObjectNode) MAPPER.readTree(indexJson);
    r.put("md5", a.digests().md5());
    r.put("sha256", a.digests().sha256());
    r.put("size", a.digests().size());
    ObjectNode sorted = MAPPER.createObjectNode();
    new TreeSet<>(iterable(r)).forEach(k -> sorted.set(k, r.get(k)));
    return sorted;
  }

  private static List<String> iterable(ObjectNode n) {
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private void republish(String subdir, Map<String, ObjectNode> records) throws IOException {
    Path tmpDir = Path.of(System.getProperty("java.io.tmpdir"));
    Path previous = TempFiles.createTemp(tmpDir, "conda-oci-previous-repodata.json");  // removed at JVM exit too
    Path out = null;
    try {
      RepodataStore store = new RepodataStore(transfers);
      boolean had = store.download(spec.channel(), subdir, previous);
      out = TempFiles.createTemp(tmpDir, "conda-oci-repodata.json");
      try (InputStream in = had ? Files.newInputStream(previous) : null; OutputStream o = Files.newOutputStream(out)) {
        Repodata.writeFiltered(in, subdir, f -> true, records, o);
      }
      List<String> t = store.publish(spec.channel(), subdir, out, now);
      if (!t.isEmpty()) {
        published.add(subdir);
        transfers.listener.repodataPublished(subdir, t);
      }
    } finally {
      TempFiles.discard(out);
      TempFiles.discard(previous);
    }
  }
}
