package org.containerops.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What one run of the suite owns: a run id that every registry namespace and image name of the run
 * contains, one temp root ({@code containerops-it-<id>}) under which every temp dir of the run lives
 * (the tools' own temp dirs included, see {@link CliCall}), the time it started, and the CLI runs so
 * far. One per JUnit run (root store of {@link ItSessionExtension}); closing it deletes the temp root.
 */
final class ItSession implements AutoCloseable {
  /** The prefix of the temp root's name; the last class checks that no other such dir remains. */
  static final String TEMP_PREFIX = "containerops-it-";

  private final String runId;
  private final Instant started = Instant.now();
  private final Path root;
  private final Path logs;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<CliResult> runs = new ArrayList<>();

  private ItSession(String runId, Path root, Path logs) {
    this.runId = runId;
    this.root = root;
    this.logs = logs;
  }

  /** Creates the temp root and the log dir ({@code containerops.it.logs}, else under the temp root). */
  static ItSession open() {
    String id = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    try {
      Path root = Files.createTempDirectory(TEMP_PREFIX + id + "-");
      Path logs = Path.of(System.getProperty("containerops.it.logs", root.resolve("logs").toString())).resolve(id);
      Files.createDirectories(logs);
      return new ItSession(id, root, logs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the suite's temp root", e);
    }
  }

  /** Lower-case letters and digits, unique per run: part of every namespace and image name. */
  String runId() {
    return runId;
  }

  /** A registry namespace of this run for {@code purpose} ({@code <runId>-<purpose>}). */
  String namespace(String purpose) {
    return runId + "-" + purpose;
  }

  Instant started() {
    return started;
  }

  /** The temp root; empty again once every class has cleaned up. */
  Path root() {
    return root;
  }

  /** A new empty directory {@code <root>/<name>-<n>}. */
  Path newDir(String name) {
    try {
      return Files.createDirectory(root.resolve(name + "-" + counter.incrementAndGet()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp dir", e);
    }
  }

  /** A new file name in the log dir (kept after the run, for reading failures). */
  Path logFile(String name) {
    return logs.resolve(String.format(Locale.ROOT, "%03d-%s", counter.incrementAndGet(), name));
  }

  synchronized void record(CliResult result) {
    runs.add(result);
  }

  /** The CLI runs so far, in order. */
  synchronized List<CliResult> runs() {
    return List.copyOf(runs);
  }

  /** Deletes the temp root (whatever a class left in it is reported by the last class first). */
  @Override
  public void close() {
    deleteTree(root);
  }

  /** Deletes a file tree, children first; a missing tree is fine. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
