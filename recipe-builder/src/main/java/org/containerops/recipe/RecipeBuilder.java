package org.containerops.recipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildResult.Status;
import org.containerops.recipe.api.BuildRunResult;
import org.containerops.recipe.api.BuildSpec;
import org.containerops.recipe.api.BuilderSpec;
import org.containerops.recipe.api.BuilderSpec.UserMode;
import org.containerops.recipe.api.BuiltPackage;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.recipe.api.RecipeBuilderListener;
import org.containerops.recipe.container.BuildContainer;
import org.containerops.recipe.container.ContainerRun;
import org.containerops.recipe.container.EnginePlatform;
import org.containerops.recipe.container.ImageSetup;
import org.containerops.recipe.env.BuildEnvironment;
import org.containerops.recipe.env.ProxySettings;
import org.containerops.recipe.image.BuildImage;
import org.containerops.recipe.image.MulledImage;
import org.containerops.recipe.order.RecipeOrder;
import org.containerops.recipe.order.RecipeRequirements;
import org.containerops.recipe.staging.DirectoryTree;
import org.containerops.recipe.staging.HostUser;
import org.containerops.recipe.staging.RecipeTree;
import org.containerops.recipe.staging.Staging;
import org.containerops.recipe.template.ScriptValues;
import org.containerops.recipe.template.Template;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.secret.SecretMask;

/**
 * Builds conda recipes in a build container into a local staging channel: the Java form of
 * bioconda-utils' {@code RecipeBuilder} ({@code bioconda_utils/docker_utils.py:151-509}).
 *
 * <pre>{@code
 * try (ContainerRuntime runtime = ContainerRuntime.connect();
 *      RecipeBuilder builder = RecipeBuilder.open(runtime, BuilderSpec.builder(image, pkgDir).build(), listener)) {
 *   BuildRunResult r = builder.buildAll(List.of(BuildSpec.of(recipeDir)), false);
 * }
 * }</pre>
 *
 * <p>Template placeholders: see {@link ScriptValues}.
 *
 * <p>Owns the staging config copies, the derived image (unless kept) and its containers; {@link #close()}
 * releases them (upstream relied on {@code __del__}, B7). Not for concurrent {@code build} calls on one
 * instance; separate instances may share an engine and a staging dir.
 */
public final class RecipeBuilder implements AutoCloseable {
  private final BuilderSpec spec;
  private final RecipeBuilderListener listener;
  private final HostUser user;
  private final Map<String, String> env;
  private final SecretMask mask;
  private final String subdir;
  private final Staging staging;
  private final BuildImage image;
  private final String runImage;
  private final ContainerTracker tracker;
  private final BuildContainer containers;
  private final ImageSetup imageSetup;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RecipeBuilder(BuilderSpec spec, RecipeBuilderListener listener, HostUser user, Map<String, String> env,
      SecretMask mask, String subdir, Staging staging, BuildImage image, ContainerTracker tracker,
      BuildContainer containers, ImageSetup imageSetup) {
    this.spec = spec;
    this.listener = listener;
    this.user = user;
    this.env = env;
    this.mask = mask;
    this.subdir = subdir;
    this.staging = staging;
    this.image = image;
    this.runImage = image != null ? image.runTag() : spec.image();
    this.tracker = tracker;
    this.containers = containers;
    this.imageSetup = imageSetup;
  }

  /**
   * Checks the templates and proxies, prepares the staging channel (subdirs {@code noarch} and the
   * engine's, indexed; config copies) and the image (reused by content tag, or built).
   *
   * <p>In {@link UserMode#USER} mode it also reads the run image's conda set-up ({@link ImageSetup}: root's
   * condarc, conda's shell hook) that each build reproduces for the mapped user.
   *
   * @throws RecipeBuilderException {@link Reason#PROXY_CONFLICT}, {@link Reason#TEMPLATE},
   *     {@link Reason#STAGING}, {@link Reason#IMAGE_NOT_FOUND}, {@link Reason#IMAGE_BUILD_FAILED},
   *     {@link Reason#ENGINE}, {@link Reason#IMAGE_CONTRACT} (USER mode on an image that gives a non-root
   *     user no conda); nothing is left behind
   */
  public static RecipeBuilder open(ContainerRuntime runtime, BuilderSpec spec, RecipeBuilderListener listener) {
    ProxySettings proxies = ProxySettings.from(spec.environment());
    Map<String, String> env = BuildEnvironment.filter(spec.environment(), proxies, spec.envWhitelist());
    SecretMask mask = SecretMask.of(List.of(), env);
    HostUser user = spec.user().map(HostUser::parse).orElseGet(HostUser::current);
    String subdir = EnginePlatform.subdir(runtime.client());
    String runId = UUID.randomUUID().toString().substring(0, 8);
    // template errors before any work
    renderScript(spec, ScriptValues.of(subdir, user, spec.pkgFormat(), List.of(), false));
    if (!runtime.images().exists(spec.image())) {
      throw new RecipeBuilderException(Reason.IMAGE_NOT_FOUND, (spec.buildImage() ? "base image '" : "image '")
          + spec.image() + "' is not present on the engine (nothing is pulled): build, load or import it first");
    }
    Staging staging = null;
    BuildImage image = null;
    ContainerTracker tracker = null;
    try {
      staging = Staging.open(spec.pkgDir(), user, spec.configFiles(), List.of("noarch", subdir), runId);
      if (spec.buildImage()) {
        image = BuildImage.prepare(runtime.client(), runtime.images(), spec.image(), spec.dockerfileTemplate(),
            proxies.bothSpellings(), spec.network(), spec.keepImage(), runId, mask, listener);
      }
      ImageSetup setup = null;
      if (spec.userMode() == UserMode.USER) {
        String run = image != null ? image.runTag() : spec.image();
        setup = ImageSetup.probe(runtime, run);
        setup.requireConda(run);
      }
      tracker = new ContainerTracker(runtime.client());
      return new RecipeBuilder(spec, listener, user, env, mask, subdir, staging, image, tracker,
          new BuildContainer(runtime.client(), tracker, mask), setup);
    } catch (RuntimeException e) {
      if (image != null) {
        image.close();
      }
      if (staging != null) {
        staging.close();
      }
      if (tracker != null) {
        tracker.close();
      }
      throw e;
    }
  }

  /** The image builds run: the derived image's run tag, or the base image. */
  public String runImage() {
    return runImage;
  }

  /** The derived image, when {@link BuilderSpec#buildImage()}. */
  public Optional<BuildImage> image() {
    return Optional.ofNullable(image);
  }

  /** The engine's conda subdir, e.g. {@code linux-64}. */
  public String subdir() {
    return subdir;
  }

  /** The masker applied to every log line and message this builder emits. */
  public SecretMask mask() {
    return mask;
  }

  /**
   * The recipes in build order (issue 14 §2; upstream {@code build_recipes}' DAG): each after the given
   * recipes providing its build/host/run requirements, independent ones in the given order. A recipe
   * whose meta.yaml cannot be read for ordering keeps its place with no edges (its build reports the
   * error) and is named to the listener's {@code warning}.
   *
   * @throws RecipeBuilderException {@link Reason#RECIPE_ORDER} for a dependency cycle, naming it
   */
  public List<BuildSpec> inBuildOrder(List<BuildSpec> recipes) {
    try {
      return RecipeOrder.sort(recipes, r -> {
        try {
          return RecipeRequirements.read(RecipeTree.check(r.recipeDir()), subdir);
        } catch (IllegalArgumentException | RecipeBuilderException e) {
          listener.warning("build order: " + e.getMessage());
          return new RecipeRequirements(r.recipeDir(), List.of(r.recipeDir().toString()), List.of());
        }
      });
    } catch (IllegalArgumentException e) {
      throw new RecipeBuilderException(Reason.RECIPE_ORDER, e.getMessage(), e);
    }
  }

  /**
   * Builds the recipes in the given order (upstream's order is a topological sort: see {@link #inBuildOrder}).
   * A failure does not stop the others unless {@code failFast}; then the rest are {@link Status#SKIPPED}.
   *
   * @return one result per recipe, in order
   */
  public BuildRunResult buildAll(List<BuildSpec> recipes, boolean failFast) {
    List<BuildResult> results = new ArrayList<>();
    boolean stop = false;
    for (BuildSpec r : recipes) {
      if (stop) {
        BuildResult skipped = new BuildResult(r.recipeDir(), Status.SKIPPED, List.of(), Optional.empty(), List.of(),
            "not built: an earlier recipe failed and --fail-fast is set", Duration.ZERO, Optional.empty());
        listener.recipeFinished(skipped);
        results.add(skipped);
        continue;
      }
      BuildResult result = build(r);
      results.add(result);
      stop = failFast && result.failed();
    }
    return new BuildRunResult(results);
  }

  /**
   * Builds one recipe: checks that no symlink leaves the recipe dir ({@link RecipeTree}), renders the
   * script, runs it with the recipe read-only and the staging channel read-write, places the packages
   * this run produced in their subdirs and indexes them.
   *
   * @return the outcome; a failed build is a result, not an exception. Temp dirs are removed in every case
   * @throws IllegalStateException when closed
   */
  public BuildResult build(BuildSpec recipe) {
    if (closed.get()) {
      throw new IllegalStateException("this RecipeBuilder is closed");
    }
    long start = System.nanoTime();
    BuildLog log = new BuildLog(recipe, mask, listener, spec.logTailLines());
    Path work = null;
    Path output = null;
    BuildResult result;
    Integer exit = null;
    try {
      Map<String, String> values = ScriptValues.of(subdir, user, spec.pkgFormat(), buildArgs(recipe), recipe.noarch());
      String command = new Template("build-command template", spec.buildCommandTemplate()).render(values);
      work = Files.createTempDirectory("recipe-builder-script-");
      Path script = Files.writeString(work.resolve("build_script.bash"),
          renderScript(spec, ScriptValues.withCommand(values, command)));
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
      Optional<Path> userEntrypoint = Optional.empty();
      Optional<Path> condarc = Optional.empty();
      if (imageSetup != null) {
        userEntrypoint = Optional.of(readable(Files.writeString(work.resolve("user-entrypoint.bash"),
            BuildContainer.USER_ENTRYPOINT)));
        if (imageSetup.rootCondarc().isPresent()) {
          condarc = Optional.of(readable(Files.writeString(work.resolve("condarc"), imageSetup.rootCondarc().get())));
        }
      }
      output = staging.newOutputDir();
      listener.recipeStarted(recipe, mask.mask(command));
      Path recipeDir = RecipeTree.check(recipe.recipeDir());
      Optional<Integer> code = containers.run(new ContainerRun(runImage, script, recipeDir, staging.root(),
          output, env, user, spec.userMode(), spec.network(), spec.timeout(),
          Map.of("org.containerops.recipe-builder.recipe", recipe.recipeDir().getFileName().toString()),
          log::line, userEntrypoint, condarc));
      exit = code.orElse(null);
      if (code.isEmpty()) {
        result = failed(recipe, Status.FAILED, null, log, "timed out after " + spec.timeout().toSeconds()
            + " s; container killed", start);
      } else if (code.get() != 0) {
        result = failed(recipe, Status.FAILED, code.get(), log, "build failed with exit code " + code.get()
            + log.errorLine().map(e -> ": " + e).orElse(""), start);
      } else {
        List<BuiltPackage> packages = staging.route(output);
        result = packages.isEmpty()
            ? failed(recipe, Status.NO_PACKAGES, 0, log, "build exited 0 but produced no package (skipped by the"
                + " recipe, or nothing was written to conda-bld/<subdir>/)", start)
            : new BuildResult(recipe.recipeDir(), Status.BUILT, packages, Optional.of(0), log.tail(), "",
                since(start), log.commandTook());
      }
    } catch (RecipeBuilderException | ContainerRuntimeError e) {
      result = failed(recipe, Status.FAILED, exit, log, mask.mask(e.getMessage()), start);
    } catch (IOException | UncheckedIOException e) {
      result = failed(recipe, Status.FAILED, exit, log, "I/O error: " + mask.mask(e.getMessage()), start);
    } finally {
      DirectoryTree.delete(work);
      DirectoryTree.delete(output);
    }
    listener.recipeFinished(result);
    return result;
  }

  /** Removes a mulled test image (upstream {@code purgeImage}). @return false when it was not present */
  public static boolean purgeImage(ContainerRuntime runtime, MulledImage image) {
    try {
      return runtime.images().remove(image.reference(), false);
    } catch (ContainerRuntimeError e) {
      throw new RecipeBuilderException(Reason.ENGINE, "cannot remove " + image.reference() + ": " + e.getMessage(), e);
    }
  }

  /** Readable by the container's user (the temp dir around it stays private on the host). */
  private static Path readable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  private List<String> buildArgs(BuildSpec recipe) {
    List<String> args = new ArrayList<>(spec.buildArgs());
    args.addAll(recipe.extraBuildArgs());
    args.addAll(staging.configArgs());
    return args;
  }

  private static String renderScript(BuilderSpec spec, Map<String, String> values) {
    Map<String, String> v = values.containsKey("build_command") ? values : ScriptValues.withCommand(values, "true");
    return new Template("build-script template", spec.buildScriptTemplate()).render(v);
  }

  private static BuildResult failed(BuildSpec recipe, Status status, Integer exit, BuildLog log, String message,
      long start) {
    return new BuildResult(recipe.recipeDir(), status, List.of(), Optional.ofNullable(exit), log.tail(), message,
        since(start), log.commandTook());
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Removes this run's containers, config copies and image tags (unless kept); idempotent, never throws. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      tracker.close();
    } finally {
      try {
        if (image != null) {
          image.close();
        }
      } finally {
        staging.close();
      }
    }
  }
}
