package org.containerops.recipe.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.containerops.runtime.transfer.TempFiles;

/**
 * Writes a channel subdir's {@code repodata.json} natively, in the format conda-index writes
 * (checked against conda-index's own {@code tests/index_data/packages} output): top-level
 * {@code info.subdir}, {@code packages} ({@code .tar.bz2}), {@code packages.conda}, {@code removed}
 * ({@code []}), {@code repodata_version} ({@code 1}); each record is the package's
 * {@code info/index.json} without {@code arch} and {@code platform}, plus {@code md5}, {@code sha256},
 * {@code size}; {@code json.dumps(indent=2, sort_keys=True)} plus a newline, i.e. the bytes of
 * {@code conda index --no-compact} for a subdir without patch instructions. Upstream ran
 * {@code conda index} over the whole channel twice per build (B23); this indexes only the subdirs a
 * build touched.
 *
 * <p>A fresh index every time (issue 14 §3): conda prefers {@code current_repodata.json} and the
 * {@code .zst}/{@code .bz2} variants over {@code repodata.json}, so a stale one left by an earlier
 * {@code conda index} would win. Per indexed subdir this writes {@code repodata.json} and
 * {@code repodata_from_packages.json} (equal: no patches) and removes {@link #STALE_SUBDIR_FILES};
 * in the channel root it removes {@link #STALE_CHANNEL_FILES}. conda falls back to
 * {@code repodata.json} when those are missing. Each file is written to a temp file beside it and
 * renamed into place (container-runtime's {@link TempFiles}: the process umask's permissions, removed
 * on every failure path and at JVM exit); removals come first, so a reader sees the old or the new
 * index, never a stale variant next to a new one.
 */
public final class ChannelIndex {
  /** index.json fields conda-index leaves out of repodata records. */
  public static final List<String> DROPPED_FIELDS = List.of("arch", "platform");
  /** The files written per subdir, same content. */
  public static final List<String> WRITTEN = List.of("repodata.json", "repodata_from_packages.json");
  /** conda-index's other per-subdir outputs, removed from each indexed subdir. */
  public static final List<String> STALE_SUBDIR_FILES = List.of("repodata.json.bz2", "repodata.json.zst",
      "current_repodata.json", "current_repodata.json.bz2", "current_repodata.json.zst",
      "repodata_from_packages.json.bz2", "repodata_from_packages.json.zst", "run_exports.json",
      "run_exports.json.bz2", "run_exports.json.zst", "index.html");
  /** conda-index's channel-level outputs, removed whenever a subdir is indexed. */
  public static final List<String> STALE_CHANNEL_FILES = List.of("channeldata.json", "index.html", "rss.xml");

  private ChannelIndex() {}

  /**
   * (Re)writes the index of each subdir, creating the subdir when missing, and removes the stale
   * index files conda-index may have left (see the class comment).
   *
   * @param written called with each file written (e.g. to fix its owner)
   * @throws IOException when a package is unreadable (naming it) or a file cannot be written or removed
   */
  public static void index(Path channel, Collection<String> subdirs, Consumer<Path> written) throws IOException {
    if (!subdirs.isEmpty()) {
      for (String name : STALE_CHANNEL_FILES) {
        Files.deleteIfExists(channel.resolve(name));
      }
    }
    for (String subdir : new TreeSet<>(subdirs)) {
      Path dir = Files.createDirectories(channel.resolve(subdir));
      for (String name : STALE_SUBDIR_FILES) {
        Files.deleteIfExists(dir.resolve(name));
      }
      byte[] text = (PythonJson.dumps(repodata(dir)) + "\n").getBytes(StandardCharsets.UTF_8);
      for (String name : WRITTEN) {
        Path tmp = TempFiles.createTemp(dir, name);
        try {
          Files.write(tmp, text);
          Path target = dir.resolve(name);
          TempFiles.commit(tmp, target);
          written.accept(target);
        } finally {
          TempFiles.discard(tmp);
        }
      }
    }
  }

  /**
   * The repodata of one subdir dir, as a map ready for {@link PythonJson#dumps}.
   *
   * @throws IOException when a package is unreadable; the message names it
   */
  public static Map<String, Object> repodata(Path subdirDir) throws IOException {
    Map<String, Object> tarBz2 = new TreeMap<>();
    Map<String, Object> conda = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(subdirDir)) {
      files = s.filter(p -> Files.isRegularFile(p) && CondaArchive.isPackage(p)).sorted().toList();
    }
    for (Path p : files) {
      Map<String, Object> rec;
      try {
        rec = new LinkedHashMap<>(CondaArchive.indexJson(p));
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot index " + p + ": " + e.getMessage(), e);
      }
      DROPPED_FIELDS.forEach(rec::remove);
      PackageFacts facts = PackageFacts.of(p);
      rec.put("md5", facts.md5());
      rec.put("sha256", facts.sha256());
      rec.put("size", facts.size());
      (p.getFileName().toString().endsWith(".conda") ? conda : tarBz2).put(p.getFileName().toString(), rec);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("info", Map.of("subdir", subdirDir.getFileName().toString()));
    out.put("packages", tarBz2);
    out.put("packages.conda", conda);
    out.put("removed", List.of());
    out.put("repodata_version", 1);
    return out;
  }
}
