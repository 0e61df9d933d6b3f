package org.containerops.dockerpkg.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.containerops.dockerpkg.api.BuildResult;
import org.containerops.dockerpkg.api.PlanResult;
import org.containerops.dockerpkg.plan.InputHasher;
import org.containerops.dockerpkg.plan.RebuildPlanner;
import org.containerops.dockerpkg.plan.RecordedInputs;
import org.containerops.dockerpkg.plan.RecordedSources;
import org.containerops.dockerpkg.registry.PublishedLabels;
import org.containerops.dockerpkg.api.BuildSpec;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.ImageReport;
import org.containerops.dockerpkg.api.ImageReport.ImageState;
import org.containerops.dockerpkg.api.ImageReport.Outcome;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.engine.ImageEngine.Credentials;
import org.containerops.dockerpkg.image.DependencyGraph;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageScanner;
import org.containerops.dockerpkg.image.ImageTree;
import org.containerops.dockerpkg.registry.RegistryProbe;
import org.containerops.dockerpkg.render.TemplateRenderer;

/**
 * One {@code build} run (upstream builder.py:398-438, cli.py:210-236): scan, decide each image's
 * state from the engine and the registry, then build, verify and publish what is needed.
 *
 * <p>Differences from upstream: images build in parallel ({@code build_workers}) as soon as their
 * dependencies are done; a failed image stops its dependents only (they are {@code SKIPPED});
 * only the selected images and the dependencies they need are probed, built or published; an
 * unreachable registry is a warning (the image's local state decides) unless a push needs it.
 */
public final class BuildRun {
  private final DockerPkgConfig config;
  private final DockerPkgListener listener;
  private final ImageEngine engine;
  private final RegistryProbe probe;

  /** @param probe asked for each candidate's manifest; {@link RegistryProbe#NONE} for no registry */
  public BuildRun(DockerPkgConfig config, DockerPkgListener listener, ImageEngine engine, RegistryProbe probe) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.probe = Objects.requireNonNull(probe, "probe");
  }

  /**
   * @return one report per planned image; failures are in the result, not thrown
   * @throws DockerPkgException reason SCAN or CYCLE before anything is built, ENGINE when the
   *     engine cannot be asked for the images' states
   */
  public BuildResult run(BuildSpec spec) {
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    DockerPkgListener warn = new DockerPkgListener() {
      @Override
      public void warning(String image, String message) {
        warnings.add(image == null ? message : image + ": " + message);
        listener.warning(image, message);
      }

      @Override
      public void step(String image, String message) {
        listener.step(image, message);
      }

      @Override
      public void buildLog(String image, String line) {
        listener.buildLog(image, line);
      }

      @Override
      public void imageDone(ImageReport report) {
        listener.imageDone(report);
      }
    };
    listener.step(null, "scanning " + spec.directory());
    ImageTree tree = new ImageScanner(config.scanWorkers(), warn).scan(spec.directory()).withTagSuffix(spec.tagSuffix());
    DependencyGraph graph = new DependencyGraph(tree);
    Set<String> selected = new LinkedHashSet<>();
    tree.images().stream().filter(i -> spec.select().map(g -> g.matches(i.label(config).full())).orElse(true))
        .forEach(i -> selected.add(i.name()));
    List<ImageDefinition> candidates = graph.buildChain(i -> selected.contains(i.name()));
    Map<String, ImageState> states = new StateResolver(config, engine, probe, warn).resolve(candidates, spec.pull());
    InputHasher hasher = new InputHasher(config, tree, ref -> RecordedSources.baseId(engine, ref));
    if (spec.changed()) {
      rebuildChanged(candidates, selected, states, hasher);
    }

    Optional<Credentials> credentials = credentials();
    List<ImageDefinition> plan = plan(graph, candidates, selected, states, credentials.isPresent());
    listener.step(null, "will build: " + plan.stream().filter(i -> states.get(i.name()) == ImageState.TO_BUILD)
        .map(i -> i.label(config).full()).toList());
    if (spec.pull() && plan.stream().anyMatch(i -> states.get(i.name()) == ImageState.TO_BUILD)) {
      pullBaseImages(credentials, warn);
    }
    ImagePipeline pipeline = new ImagePipeline(config, engine, new TemplateRenderer(config, tree.knownImages(config)),
        warn, spec.noCache(), credentials, name -> hasher.inputs(name).labels());
    if (credentials.isEmpty()) {
      listener.step(null, "NOT publishing images as we have no auth setup");
    }
    Map<String, ImageReport> reports = new ConcurrentHashMap<>();
    schedule(plan, graph, tree, states, spec, pipeline, reports);
    List<ImageReport> ordered = new ArrayList<>();
    for (ImageDefinition i : candidates) {
      ImageReport r = reports.get(i.name());
      if (r == null && selected.contains(i.name())) {
        r = new ImageReport(i.name(), i.label(config).full(), states.get(i.name()), Outcome.UP_TO_DATE,
            states.get(i.name()) == ImageState.PUBLISHED ? "in the registry" : "built locally", Duration.ZERO);
        listener.imageDone(r);
      }
      if (r != null) {
        ordered.add(r);
      }
    }
    return new BuildResult(ordered, warnings);
  }

  /**
   * {@code --changed}: a selected image that exists (published or built) is built again when its
   * inputs differ from those recorded on the image (the registry's copy when published, else the
   * local one); the rebuild then cascades to dependents through their {@code parent:} inputs.
   */
  private void rebuildChanged(List<ImageDefinition> candidates, Set<String> selected, Map<String, ImageState> states,
      InputHasher hasher) {
    RecordedInputs recorded = RecordedSources.engine(engine);
    if (!config.registry().isEmpty()) {
      recorded = RecordedSources.registry(new PublishedLabels(config)).orElse(recorded);
    }
    List<ImageDefinition> existing = candidates.stream()
        .filter(i -> selected.contains(i.name()) && states.get(i.name()) != ImageState.TO_BUILD).toList();
    PlanResult plan = new RebuildPlanner(config, hasher, recorded, config.scanWorkers()).plan(existing);
    for (PlanResult.Image i : plan.images()) {
      if (i.rebuild()) {
        listener.step(i.name(), "inputs changed: " + String.join(", ", i.reasons()));
        states.put(i.name(), ImageState.TO_BUILD);
      }
    }
  }

  /** Username and password (and a registry) set: publishing on (upstream builder.py:426-428). */
  private Optional<Credentials> credentials() {
    if (config.username().isEmpty() || config.password().isEmpty() || config.registry().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(config.username().get(), config.password().get(), config.registry()));
  }

  /**
   * Upstream's {@code build_chain}: the selected images to build and, transitively, their
   * dependencies that are to be built too; plus, when publishing, selected images that exist
   * locally but not in the registry (upstream verified and published every built image).
   */
  private List<ImageDefinition> plan(DependencyGraph graph, List<ImageDefinition> candidates, Set<String> selected,
      Map<String, ImageState> states, boolean publishing) {
    Set<String> wanted = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>();
    for (String s : selected) {
      ImageState st = states.get(s);
      if (st == ImageState.TO_BUILD) {
        todo.add(s);
      } else if (st == ImageState.BUILT && publishing) {
        wanted.add(s);
      }
    }
    while (!todo.isEmpty()) {
      String n = todo.remove(todo.size() - 1);
      if (wanted.add(n)) {
        graph.dependenciesOf(n).stream().filter(d -> states.get(d) == ImageState.TO_BUILD).forEach(todo::add);
      }
    }
    return candidates.stream().filter(i -> wanted.contains(i.name())).toList();
  }

  private void pullBaseImages(Optional<Credentials> credentials, DockerPkgListener warn) {
    for (String base : config.baseImages()) {
      listener.step(null, "pulling base image " + base);
      try {
        engine.pull(base, credentials);
      } catch (DockerPkgException e) {
        boolean local = engine.exists(base);
        warn.warning(null, "could not pull base image " + base + (local ? "; using the local copy" : "; builds FROM it will fail")
            + ": " + e.getMessage());
      }
    }
  }

  private void schedule(List<ImageDefinition> plan, DependencyGraph graph, ImageTree tree, Map<String, ImageState> states,
      BuildSpec spec, ImagePipeline pipeline, Map<String, ImageReport> reports) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(config.buildWorkers(), plan.size())));
    try {
      Map<String, CompletableFuture<Boolean>> usable = new HashMap<>();
      for (ImageDefinition image : plan) {
        List<CompletableFuture<Boolean>> deps = graph.dependenciesOf(image.name()).stream()
            .filter(usable::containsKey).sorted().map(usable::get).toList();
        CompletableFuture<Boolean> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
            .thenApplyAsync(ignored -> {
              List<String> failed = graph.dependenciesOf(image.name()).stream().filter(usable::containsKey).sorted()
                  .filter(d -> !usable.get(d).join()).toList();
              ImageReport r = failed.isEmpty()
                  ? new ImageWork(config, engine, pipeline, tree, states, spec.pull()).run(image)
                  : new ImageReport(image.name(), image.label(config).full(), states.get(image.name()), Outcome.SKIPPED,
                      "dependency failed: " + String.join(", ", failed), Duration.ZERO);
              reports.put(image.name(), r);
              listener.imageDone(r);
              return !r.outcome().isFailure() || r.detail().startsWith(ImageWork.PUBLISH_FAILED);
            }, pool);
        usable.put(image.name(), f);
      }
      CompletableFuture.allOf(usable.values().toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdownNow();
    }
  }

}
