package org.containerops.dockerpkg;

import java.io.IOException;
import java.util.function.Function;
import org.containerops.dockerpkg.api.PlanResult;
import org.containerops.dockerpkg.api.PlanSpec;
import org.containerops.dockerpkg.plan.ImageInputs;
import org.containerops.dockerpkg.render.BatchRenderer;
import org.containerops.dockerpkg.plan.InputHasher;
import org.containerops.dockerpkg.plan.RebuildPlanner;
import org.containerops.dockerpkg.plan.RecordedInputs;
import org.containerops.dockerpkg.plan.RecordedSources;
import org.containerops.dockerpkg.registry.PublishedLabels;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.containerops.dockerpkg.api.BuildResult;
import org.containerops.dockerpkg.api.BuildSpec;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.PruneResult;
import org.containerops.dockerpkg.api.PruneSpec;
import org.containerops.dockerpkg.api.RenderResult;
import org.containerops.dockerpkg.api.RenderSpec;
import org.containerops.dockerpkg.api.UpdateResult;
import org.containerops.dockerpkg.api.UpdateSpec;
import org.containerops.dockerpkg.build.BuildRun;
import org.containerops.dockerpkg.changelog.ChangelogAuthor;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.image.DependencyGraph;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageScanner;
import org.containerops.dockerpkg.image.ImageTree;
import org.containerops.dockerpkg.prune.Pruner;
import org.containerops.dockerpkg.registry.HttpRegistryProbe;
import org.containerops.dockerpkg.registry.RegistryProbe;
import org.containerops.dockerpkg.render.RenderedDockerfile;
import org.containerops.dockerpkg.transaction.FileTransaction;
import org.containerops.dockerpkg.update.ChangelogUpdater;

/**
 * docker-pkg: scan an image tree, order it, render its Dockerfiles, add changelog updates
 * (no engine needed), and build/verify/publish/prune on a container engine given as an
 * {@link ImageEngine}. Immutable; each call scans afresh. Warnings go to the listener and into
 * the results; nothing is printed.
 *
 * <pre>{@code
 * DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(Path.of("config.yaml")), DockerPkgListener.NONE);
 * RenderResult r = pkg.render(RenderSpec.all(Path.of("images"), Path.of("out")));
 * }</pre>
 */
public final class DockerPkg {
  private final DockerPkgConfig config;
  private final DockerPkgListener listener;
  private final Clock clock;
  private final ChangelogAuthor author;

  /** Uses the system clock and upstream's author lookup ({@code DEBFULLNAME}/{@code DEBEMAIL}, git, fallback). */
  public DockerPkg(DockerPkgConfig config, DockerPkgListener listener) {
    this(config, listener, Clock.systemDefaultZone(), null);
  }

  private DockerPkg(DockerPkgConfig config, DockerPkgListener listener, Clock clock, ChangelogAuthor author) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.author = author;
  }

  /** @return a copy dating changelog entries with {@code clock} (its zone gives the offset) */
  public DockerPkg withClock(Clock clock) {
    return new DockerPkg(config, listener, clock, author);
  }

  /** @return a copy signing changelog entries as {@code author} instead of looking it up */
  public DockerPkg withAuthor(ChangelogAuthor author) {
    return new DockerPkg(config, listener, clock, Objects.requireNonNull(author, "author"));
  }

  /** @return the configuration in use */
  public DockerPkgConfig config() {
    return config;
  }

  /**
   * @return the images under {@code directory}, sorted by name
   * @throws DockerPkgException reason SCAN, see {@link ImageScanner#scan(Path)}
   */
  public ImageTree scan(Path directory) {
    return new ImageScanner(config.scanWorkers(), listener).scan(directory);
  }

  /**
   * @return every image under {@code directory} in build order (dependencies first, ties by name)
   * @throws DockerPkgException reason SCAN, or CYCLE naming the cycle
   */
  public List<ImageDefinition> buildOrder(Path directory) {
    return new DependencyGraph(scan(directory)).buildOrder();
  }

  /**
   * Renders the selected images and writes {@code output/<name>/Dockerfile} for each. Every
   * template is rendered in memory first, on {@code scan_workers} threads ({@link BatchRenderer};
   * results, warnings and errors in build order as if one at a time); files are written only if all succeed, and then
   * all-or-nothing. Warns about {@code image_tag} references to images of the tree that the
   * control file does not declare (build order cannot see them) and about unknown uids.
   *
   * @throws DockerPkgException reason SCAN or CYCLE; RENDER listing every failed image; IO if
   *     writing fails (nothing is left written)
   */
  public RenderResult render(RenderSpec spec) {
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    DockerPkgListener collecting = new DockerPkgListener() {
      @Override
      public void warning(String image, String message) {
        warnings.add(image == null ? message : image + ": " + message);
        listener.warning(image, message);
      }
    };
    ImageTree tree = new ImageScanner(config.scanWorkers(), collecting).scan(spec.directory());
    DependencyGraph graph = new DependencyGraph(tree);
    List<ImageDefinition> selected = graph.buildOrder().stream()
        .filter(i -> spec.select().map(g -> g.matches(i.label(config).full())).orElse(true)).toList();
    Map<ImageDefinition, RenderedDockerfile> rendered = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (BatchRenderer.Outcome o : new BatchRenderer(config, tree.knownImages(config), config.scanWorkers()).render(selected)) {
      ImageDefinition image = o.image();
      if (o.error() != null) {
        failures.add(image.name() + ": " + o.error().getMessage());
        continue;
      }
      RenderedDockerfile r = o.rendered();
      rendered.put(image, r);
      r.warnings().forEach(w -> collecting.warning(image.name(), w));
      undeclared(tree, image, r).forEach(w -> collecting.warning(image.name(), w));
    }
    if (!failures.isEmpty()) {
      throw new DockerPkgException(Reason.RENDER, null, failures.size() + " of " + (failures.size() + rendered.size())
          + " images failed to render, nothing written: " + String.join("; ", failures));
    }
    Map<String, Path> files = new LinkedHashMap<>();
    try (FileTransaction tx = new FileTransaction()) {
      for (Map.Entry<ImageDefinition, RenderedDockerfile> e : rendered.entrySet()) {
        Path file = spec.output().resolve(e.getKey().name()).resolve("Dockerfile");
        tx.stage(file, e.getValue().text());
        files.put(e.getKey().name(), file);
      }
      tx.commit();
    } catch (IOException e) {
      throw new DockerPkgException(Reason.IO, spec.output(), "cannot write to " + spec.output() + ", nothing written: " + e, e);
    }
    files.forEach(listener::rendered);
    return new RenderResult(files, warnings);
  }

  /**
   * Adds changelog entries to {@code spec.name()} and its dependents, all-or-nothing.
   *
   * @throws DockerPkgException reason SCAN or CYCLE; UPDATE for an unknown name or dependency;
   *     IO if writing fails (then no changelog changed)
   */
  public UpdateResult update(UpdateSpec spec) {
    ImageTree tree = scan(spec.directory());
    DependencyGraph graph = new DependencyGraph(tree);
    ChangelogAuthor signer = Optional.ofNullable(author).orElseGet(() -> ChangelogAuthor.resolve(
        System.getenv(), ChangelogAuthor::gitConfig, config.fallbackAuthor(), config.fallbackEmail()));
    ChangelogUpdater updater = new ChangelogUpdater(config, signer, clock, FileTransaction.ATOMIC);
    UpdateResult result = updater.write(updater.plan(tree, graph, spec));
    result.updates().forEach(u -> listener.updated(u.image(), u.newVersion(), u.changelog()));
    return result;
  }

  /**
   * Builds, verifies and (with credentials) publishes the selected images and the dependencies
   * they need, asking the configured registry over HTTP; see {@link BuildRun}.
   *
   * @return one report per image; failures are reported there, not thrown
   * @throws DockerPkgException reason SCAN or CYCLE before anything is built; ENGINE when the
   *     engine cannot be asked for the images' states
   */
  public BuildResult build(BuildSpec spec, ImageEngine engine) {
    return build(spec, engine, new HttpRegistryProbe(config));
  }

  /** {@link #build(BuildSpec, ImageEngine)} with another registry probe (tests, no registry). */
  public BuildResult build(BuildSpec spec, ImageEngine engine, RegistryProbe probe) {
    return new BuildRun(config, listener, engine, probe).run(spec);
  }

  /**
   * Removes local images of the selected repositories whose tag is not the current version.
   *
   * @throws DockerPkgException reason SCAN or CYCLE; ENGINE when images cannot be listed
   */
  public PruneResult prune(PruneSpec spec, ImageEngine engine) {
    return new Pruner(config, listener, engine).prune(spec);
  }

  /**
   * Plans the rebuild (issue 16 §2): per selected image, the content hash of its inputs
   * ({@link ImageInputs}) against the one recorded on the image of its label, in the registry
   * (published) or else in the engine (built locally). Reads nothing but the tree, the registry and
   * the engine; writes nothing.
   *
   * @param engine resolves {@code FROM} images outside the tree to ids and has the local images
   * @throws DockerPkgException reason SCAN, CYCLE, RENDER, IO; REGISTRY when the registry cannot be read
   */
  public PlanResult plan(PlanSpec spec, ImageEngine engine) {
    RecordedInputs recorded = RecordedSources.registry(new PublishedLabels(config)).orElse(RecordedSources.engine(engine));
    return plan(spec, recorded, ref -> RecordedSources.baseId(engine, ref));
  }

  /**
   * {@link #plan(PlanSpec, ImageEngine)} with other sources (tests, or no engine).
   *
   * @param baseIds the engine's image id of a {@code FROM} image outside the tree, or empty
   */
  public PlanResult plan(PlanSpec spec, RecordedInputs recorded, Function<String, Optional<String>> baseIds) {
    ImageTree tree = scan(spec.directory());
    List<ImageDefinition> selected = new DependencyGraph(tree).buildOrder().stream()
        .filter(i -> spec.select().map(g -> g.matches(i.label(config).full())).orElse(true)).toList();
    InputHasher hasher = new InputHasher(config, tree, baseIds);
    return new RebuildPlanner(config, hasher, recorded, config.scanWorkers()).plan(selected);
  }

  /**
   * {@code update --changed}: adds changelog entries to exactly the images {@code plan} says must
   * be rebuilt and their dependents, all-or-nothing like {@link #update}. An image whose own inputs
   * changed gets {@code reason} and the reasons; one rebuilt only for a parent gets
   * {@code Refresh for update in parent image P:} and {@code reason}.
   *
   * @return what was written; empty when nothing must be rebuilt
   * @throws DockerPkgException reason SCAN, CYCLE, UPDATE; IO if writing fails (then nothing changed)
   */
  public UpdateResult updateChanged(Path directory, String reason, PlanResult plan) {
    ImageTree tree = scan(directory);
    DependencyGraph graph = new DependencyGraph(tree);
    ChangelogAuthor signer = Optional.ofNullable(author).orElseGet(() -> ChangelogAuthor.resolve(
        System.getenv(), ChangelogAuthor::gitConfig, config.fallbackAuthor(), config.fallbackEmail()));
    ChangelogUpdater updater = new ChangelogUpdater(config, signer, clock, FileTransaction.ATOMIC);
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    plan.images().stream().filter(PlanResult.Image::rebuild).forEach(i -> reasons.put(i.name(), i.reasons()));
    UpdateResult result = updater.write(updater.planChanged(tree, graph, reasons, reason));
    result.updates().forEach(u -> listener.updated(u.image(), u.newVersion(), u.changelog()));
    return result;
  }

  private static List<String> undeclared(ImageTree tree, ImageDefinition image, RenderedDockerfile r) {
    List<String> out = new ArrayList<>();
    for (String ref : r.imageReferences()) {
      if (!ref.equals(image.name()) && tree.find(ref).isPresent() && !image.depends().contains(ref)) {
        out.add("uses image_tag on " + ref + " but its control file does not declare it; the build order may put "
            + ref + " after it");
      }
    }
    return out;
  }
}
