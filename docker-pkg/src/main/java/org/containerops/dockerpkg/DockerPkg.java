package org.containerops.dockerpkg;

import java.io.IOException;
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
import org.containerops.dockerpkg.render.TemplateRenderer;
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
   * template is rendered in memory first; files are written only if all succeed, and then
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
    TemplateRenderer renderer = new TemplateRenderer(config, tree.knownImages(config));
    Map<ImageDefinition, RenderedDockerfile> rendered = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (ImageDefinition image : graph.buildOrder()) {
      if (spec.select().isPresent() && !spec.select().get().matches(image.label(config).full())) {
        continue;
      }
      try {
        RenderedDockerfile r = renderer.render(image.name(), image.dir());
        rendered.put(image, r);
        r.warnings().forEach(w -> collecting.warning(image.name(), w));
        undeclared(tree, image, r).forEach(w -> collecting.warning(image.name(), w));
      } catch (DockerPkgException e) {
        failures.add(image.name() + ": " + e.getMessage());
      }
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
