package org.containerops.dockerpkg.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.containerops.dockerpkg.Fixtures;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.UpdateResult;
import org.containerops.dockerpkg.api.UpdateSpec;
import org.containerops.dockerpkg.changelog.Changelog;
import org.containerops.dockerpkg.changelog.ChangelogAuthor;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.DependencyGraph;
import org.containerops.dockerpkg.image.ImageScanner;
import org.containerops.dockerpkg.image.ImageTree;
import org.containerops.dockerpkg.transaction.FileTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangelogUpdaterTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T02:13:29Z"), ZoneOffset.UTC);
  static final ChangelogAuthor AUTHOR = new ChangelogAuthor("Jane Doe", "jane@example.org");
  static final DockerPkgConfig CONFIG = ConfigLoader.merge(Map.of(), ConfigLoader.read(Fixtures.corpus().resolve("config.yaml")));

  @TempDir Path tmp;

  private Path corpusCopy() {
    return Fixtures.copyTree(Fixtures.corpusImages(), tmp.resolve("images"));
  }

  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "<dir>" : Files.readString(p));
      }
    }
    return files;
  }

  private UpdateResult update(Path root, UpdateSpec spec, FileTransaction.Mover mover) {
    ImageTree tree = new ImageScanner(1, DockerPkgListener.NONE).scan(root);
    ChangelogUpdater u = new ChangelogUpdater(CONFIG, AUTHOR, CLOCK, mover);
    return u.write(u.plan(tree, new DependencyGraph(tree), spec));
  }

  @Test
  void updateGolang122RewritesItAndItsThirteenDependents() throws IOException {
    Path root = corpusCopy();
    Map<String, String> before = snapshot(root);
    UpdateResult r = update(root, new UpdateSpec(root, "golang1.22", "Security update", Optional.empty()), FileTransaction.ATOMIC);
    assertEquals(14, r.updates().size(), "docker-pkg.md §3.2: update golang1.22 rewrites 14 changelogs");
    assertEquals("golang1.22", r.updates().get(0).image());
    assertEquals("1.22-20260816-s1", r.updates().get(0).newVersion());
    Path golang = root.resolve("golang/1.22/changelog");
    String expectedHead = "golang1.22 (1.22-20260816-s1) wikimedia; urgency=high\n\n   Security update\n\n"
        + " -- Jane Doe <jane@example.org>  Thu,  5 Nov 2026 02:13:29 +0000\n\n";
    assertEquals(expectedHead + before.get("golang/1.22/changelog"), Files.readString(golang));
    Map<String, String> after = snapshot(root);
    int changed = 0;
    for (UpdateResult.Entry e : r.updates()) {
      String rel = root.relativize(e.changelog()).toString();
      String text = after.get(rel);
      assertTrue(text.endsWith(before.get(rel).endsWith("\n") ? before.get(rel) : before.get(rel) + "\n"));
      assertEquals(e.newVersion(), Changelog.parse(text, e.changelog()).latest().version());
      if (!e.image().equals("golang1.22")) {
        assertTrue(text.contains("\n   Refresh for update in parent image golang1.22:\n   Security update\n\n"), rel);
      }
      changed++;
    }
    for (String key : before.keySet()) {
      boolean updated = r.updates().stream().anyMatch(e -> root.relativize(e.changelog()).toString().equals(key));
      if (!updated) {
        assertEquals(before.get(key), after.get(key), key + " untouched");
      }
    }
    assertEquals(before.keySet(), after.keySet(), "no stray temp files");
    assertEquals(14, changed);
  }

  @Test
  void explicitVersionAppliesOnlyToTheNamedImage() {
    Path root = TestImages.upstreamFixtures(tmp);
    UpdateResult r = update(root, new UpdateSpec(root, "foo-bar", "New upstream", Optional.of("0.0.2")), FileTransaction.ATOMIC);
    assertEquals(List.of("foo-bar", "foobar-server"), r.updates().stream().map(UpdateResult.Entry::image).toList());
    assertEquals("0.0.2", r.updates().get(0).newVersion());
    assertEquals("0.0.1~alpha1-s1", r.updates().get(1).newVersion());
  }

  @Test
  void failureWhileMovingLeavesEveryFileAsItWas() throws IOException {
    Path root = corpusCopy();
    Map<String, String> before = snapshot(root);
    AtomicInteger moves = new AtomicInteger();
    FileTransaction.Mover failSeventh = (s, t) -> {
      if (moves.incrementAndGet() == 7) {
        throw new IOException("injected failure");
      }
      FileTransaction.ATOMIC.move(s, t);
    };
    DockerPkgException e = assertThrows(DockerPkgException.class,
        () -> update(root, new UpdateSpec(root, "golang1.22", "x", Optional.empty()), failSeventh));
    assertEquals(7, moves.get(), "six changelogs had been replaced before the failure");
    assertTrue(e.getMessage().startsWith("no changelog changed"), e.getMessage());
    assertEquals(before, snapshot(root));
  }

  @Test
  void failureWhilePlanningWritesNothing() throws IOException {
    Path root = corpusCopy();
    ImageTree tree = new ImageScanner(1, DockerPkgListener.NONE).scan(root);
    DependencyGraph graph = new DependencyGraph(tree);
    List<Path> dirs = graph.withDependents(List.of("golang1.22")).stream().map(i -> i.dir()).toList();
    Path last = dirs.get(dirs.size() - 1).resolve("changelog");
    Files.delete(last);
    Files.createDirectory(last);  // the last changelog vanished after the scan: reading it fails
    Map<String, String> before = snapshot(root);
    ChangelogUpdater u = new ChangelogUpdater(CONFIG, AUTHOR, CLOCK, (s, t) -> {
      throw new AssertionError("nothing may be moved");
    });
    DockerPkgException e = assertThrows(DockerPkgException.class,
        () -> u.write(u.plan(tree, graph, new UpdateSpec(root, "golang1.22", "x", Optional.empty()))));
    assertTrue(e.getMessage().startsWith("cannot read " + last), e.getMessage());
    assertEquals(before, snapshot(root));
  }

  /** Ported from upstream tests/test_builder.py:268. */
  @Test
  void unknownDependencyIsAnError() {
    Path root = TestImages.upstreamFixtures(tmp);
    TestImages.image(root.resolve("horse"), "horse", "1.0", "FROM x", List.of("unicorn"));
    DockerPkgException e = assertThrows(DockerPkgException.class,
        () -> update(root, new UpdateSpec(root, "foo-bar", "x", Optional.empty()), FileTransaction.ATOMIC));
    assertTrue(e.getMessage().matches("Image unicorn .* not found"), e.getMessage());
  }

  @Test
  void unknownNameIsAnError() {
    Path root = TestImages.upstreamFixtures(tmp);
    DockerPkgException e = assertThrows(DockerPkgException.class,
        () -> update(root, new UpdateSpec(root, "bar", "x", Optional.empty()), FileTransaction.ATOMIC));
    assertTrue(e.getMessage().startsWith("no image named bar"), e.getMessage());
  }
}
