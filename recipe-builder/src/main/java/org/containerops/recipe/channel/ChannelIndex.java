package org.containerops.recipe.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes a channel subdir's {@code repodata.json} natively, in the format conda-index writes
 * (checked against conda-index's own {@code tests/index_data/packages} output): top-level
 * {@code info.subdir}, {@code packages} ({@code .tar.bz2}), {@code packages.conda}, {@code removed}
 * ({@code []}), {@code repodata_version} ({@code 1}); each record is the package's
 * {@code info/index.json} without {@code arch} and {@code platform}, plus {@code md5}, {@code sha256},
 * {@code size}; {@code json.dumps(indent=2, sort_keys=True)} plus a newline. Upstream ran
 * {@code conda index} over the whole channel twice per build (B23); this indexes only the subdirs a
 * build touched. {@code current_repodata.json}, {@code channeldata.json} and the {@code .bz2}/HTML
 * variants are not written.
 */
public final class ChannelIndex {
  /** index.json fields conda-index leaves out of repodata records. */
  public static final List<String> DROPPED_FIELDS = List.of("arch", "platform");

  private ChannelIndex() {}

  /**
   * (Re)writes {@code <channel>/<subdir>/repodata.json} for each subdir, creating the subdir when
   * missing. Written to a temp file, then moved into place atomically.
   *
   * @param written called with each repodata.json written (e.g. to fix its owner)
   * @throws IOException when a package is unreadable (naming it) or the file cannot be written
   */
  public static void index(Path channel, Collection<String> subdirs, Consumer<Path> written) throws IOException {
    for (String subdir : new TreeSet<>(subdirs)) {
      Path dir = Files.createDirectories(channel.resolve(subdir));
      String text = PythonJson.dumps(repodata(dir)) + "\n";
      Path tmp = Files.createTempFile(dir, ".repodata.json.", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        tmp.toFile().setReadable(true, false);
        Path target = dir.resolve("repodata.json");
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        written.accept(target);
      } finally {
        Files.deleteIfExists(tmp);
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
