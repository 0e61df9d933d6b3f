package org.containerops.dockerpkg.update;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.UpdateResult;
import org.containerops.dockerpkg.api.UpdateSpec;
import org.containerops.dockerpkg.changelog.Changelog;
import org.containerops.dockerpkg.changelog.ChangelogAuthor;
import org.containerops.dockerpkg.changelog.ChangelogEntry;
import org.containerops.dockerpkg.changelog.VersionBump;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.DependencyGraph;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageTree;
import org.containerops.dockerpkg.transaction.FileTransaction;

/**
 * {@code update} (upstream builder.py:355-389, image.py:98-137): a new changelog entry for the
 * named image and every image depending on it, transitively. The named image gets the reason and
 * the requested version (or the automatic one, {@link VersionBump}); dependents get
 * {@code Refresh for update in parent image NAME:} followed by the reason, and the automatic
 * version. All changelogs are rewritten all-or-nothing through a {@link FileTransaction}.
 */
public final class ChangelogUpdater {
  private static final Logger LOG = LoggerFactory.getLogger(ChangelogUpdater.class);
  private final DockerPkgConfig config;
  private final ChangelogAuthor author;
  private final Clock clock;
  private final FileTransaction.Mover mover;

  /**
   * @param config supplies {@code distribution} and {@code update_id}
   * @param author signs the entries
   * @param clock dates the entries (in its zone)
   * @param mover puts the rewritten files in place ({@link FileTransaction#ATOMIC}; tests inject failures)
   */
  public ChangelogUpdater(DockerPkgConfig config, ChangelogAuthor author, Clock clock, FileTransaction.Mover mover) {
    this.config = Objects.requireNonNull(config, "config");
    this.author = Objects.requireNonNull(author, "author");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.mover = Objects.requireNonNull(mover, "mover");
  }

  /**
   * Computes the new changelog texts without writing anything.
   *
   * @return one planned change per image, in build order
   * @throws DockerPkgException reason UPDATE if {@code spec.name()} is no image of the tree, or a
   *     control file names a dependency that is not in the tree (as upstream builder.py:343-351)
   */
  public List<PlannedUpdate> plan(ImageTree tree, DependencyGraph graph, UpdateSpec spec) {
    if (tree.find(spec.name()).isEmpty()) {
      throw new DockerPkgException(Reason.UPDATE, tree.root(), "no image named " + spec.name() + " under " + tree.root());
    }
    requireDeclaredDependencies(tree);
    String date = ChangelogAuthor.date(clock);
    String childReason = "Refresh for update in parent image " + spec.name() + ":\n" + spec.reason();
    List<PlannedUpdate> planned = new ArrayList<>();
    for (ImageDefinition image : graph.withDependents(List.of(spec.name()))) {
      boolean self = image.name().equals(spec.name());
      Path file = image.dir().resolve("changelog");
      String old = read(file);
      Changelog.parse(old, file);  // refuse to prepend to a changelog we cannot read back
      String version = self && spec.version().isPresent()
          ? spec.version().get() : VersionBump.next(image.version(), config.updateId());
      ChangelogEntry entry = ChangelogEntry.create(image.name(), version, config.distribution(),
          self ? spec.reason() : childReason, author.signature(), date);
      LOG.debug("{}: {} -> {}", image.name(), image.version(), version);
      planned.add(new PlannedUpdate(image, version, file, Changelog.prepend(old, entry)));
    }
    return planned;
  }

  /**
   * Computes the changelog updates of {@code update --changed} (issue 16 §2) without writing:
   * every image of {@code changed} and, transitively, its dependents, in build order. An image
   * whose own inputs changed (a reason not starting with {@code parent }) gets {@code reason} and
   * its reasons; the others get {@code Refresh for update in parent image P:} (P its updated
   * parents, comma-separated) and {@code reason}. Versions are bumped automatically.
   *
   * @param changed image name to the plan's reasons, in build order
   * @return the planned changes; empty when {@code changed} is
   * @throws DockerPkgException reason UPDATE for an undeclared dependency (as {@link #plan})
   */
  public List<PlannedUpdate> planChanged(ImageTree tree, DependencyGraph graph, Map<String, List<String>> changed,
      String reason) {
    if (changed.isEmpty()) {
      return List.of();
    }
    requireDeclaredDependencies(tree);
    String date = ChangelogAuthor.date(clock);
    List<PlannedUpdate> planned = new ArrayList<>();
    List<ImageDefinition> updating = graph.withDependents(changed.keySet());
    java.util.Set<String> names = new java.util.HashSet<>();
    updating.forEach(i -> names.add(i.name()));
    for (ImageDefinition image : updating) {
      List<String> why = changed.getOrDefault(image.name(), List.of());
      List<String> own = why.stream().filter(w -> !w.startsWith("parent ")).toList();
      String text;
      if (!own.isEmpty()) {
        text = reason + "\n" + String.join("\n", own);
      } else {
        List<String> parents = graph.dependenciesOf(image.name()).stream().filter(names::contains).sorted().toList();
        text = "Refresh for update in parent image " + String.join(", ", parents) + ":\n" + reason;
      }
      Path file = image.dir().resolve("changelog");
      String old = read(file);
      Changelog.parse(old, file);
      String version = VersionBump.next(image.version(), config.updateId());
      ChangelogEntry entry = ChangelogEntry.create(image.name(), version, config.distribution(), text,
          author.signature(), date);
      planned.add(new PlannedUpdate(image, version, file, Changelog.prepend(old, entry)));
    }
    return planned;
  }

  /**
   * Writes planned changes all-or-nothing.
   *
   * @return what was written
   * @throws DockerPkgException reason IO if any write fails; then no changelog has changed
   */
  public UpdateResult write(List<PlannedUpdate> planned) {
    try (FileTransaction tx = new FileTransaction(mover)) {
      for (PlannedUpdate p : planned) {
        tx.stage(p.changelog(), p.newText());
      }
      tx.commit();
    } catch (IOException e) {
      throw new DockerPkgException(Reason.IO, null, "no changelog changed: writing failed: " + e, e);
    }
    List<UpdateResult.Entry> entries = new ArrayList<>();
    planned.forEach(p -> entries.add(new UpdateResult.Entry(p.image().name(), p.image().version(), p.version(), p.changelog())));
    return new UpdateResult(entries);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DockerPkgException(Reason.UPDATE, file, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * One changelog rewrite.
   *
   * @param image the image before the update
   * @param version the new version
   * @param changelog the file to rewrite
   * @param newText its complete new content
   */
  public record PlannedUpdate(ImageDefinition image, String version, Path changelog, String newText) {}

  /** @throws DockerPkgException reason UPDATE naming the control file of an image whose dependency is not in the tree */
  private void requireDeclaredDependencies(ImageTree tree) {
    for (ImageDefinition image : tree.images()) {
      for (String dep : image.depends()) {
        if (tree.find(dep).isEmpty()) {
          throw new DockerPkgException(Reason.UPDATE, image.dir().resolve("control"),
              "Image " + dep + " (dependency of " + image.label(config).full() + ") not found");
        }
      }
    }
  }
}
