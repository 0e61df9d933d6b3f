package org.containerops.recipe.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.WaitContainerCondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.containerops.recipe.api.BuilderSpec.UserMode;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.recipe.staging.Staging;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.engine.Engine;
import org.containerops.runtime.secret.SecretMask;
import org.containerops.runtime.stream.LineSplitter;

/**
 * Runs one build container: upstream's {@code docker run -t --net host --rm -v script -v pkg_dir -v
 * recipe ... /bin/bash /opt/build_script.bash} ({@code docker_utils.py:480-499}) with the fixes: no
 * TTY and separate streams (B17), recipe and script mounted read-only (B5), a name and labels, a
 * timeout that kills, removal in every case (and by the tracker's shutdown hook), and two explicit
 * user modes (B9): {@link UserMode#USER} runs {@code --user uid:gid --group-add 32766} with all
 * capabilities dropped and {@code no-new-privileges}, and instead of the image's root entrypoint our
 * set-up script ({@link #USER_ENTRYPOINT}: the image's root condarc as the user's, conda activated, see
 * {@link ImageSetup}); {@link UserMode#HOST_USER_ID} keeps the image's entrypoint and sets
 * {@code HOST_USER_ID} as upstream.
 *
 * <p>The container needs the runtime's writable root file system (conda-build writes into
 * {@code /opt/conda}), which container-runtime's sandbox does not offer; hence docker-java directly.
 */
public final class BuildContainer {
  /** Where the build script is mounted (upstream's path). */
  public static final String SCRIPT_PATH = "/opt/build_script.bash";
  /** Where the recipe is mounted, read-only (upstream {@code container_recipe}). */
  public static final String RECIPE_PATH = "/opt/recipe";
  /** Where this build's output dir is mounted. */
  public static final String OUTPUT_PATH = "/opt/recipe-builder-output";
  /** Where the USER-mode set-up script is mounted, read-only ({@code user-entrypoint.bash} next to this class). */
  public static final String USER_ENTRYPOINT_PATH = "/opt/recipe-builder-entrypoint.bash";
  /** Where the image's root condarc is mounted for the USER-mode set-up, read-only. */
  public static final String CONDARC_PATH = "/opt/recipe-builder-condarc";
  /**
   * The USER-mode set-up script: copies {@value #CONDARC_PATH} to {@code $HOME/.condarc}, activates
   * conda ({@code /opt/conda/etc/profile.d/conda.sh}, else {@code /opt/conda/bin} on PATH), then runs
   * its arguments with bash.
   */
  public static final String USER_ENTRYPOINT = resource("user-entrypoint.bash");
  /** linux-anvil's group {@code lucky} that owns {@code /opt/conda} ({@code docker-images scripts/run_commands:87-89}). */
  public static final String LUCKY_GID = "32766";

  private static final long DRAIN_SECONDS = 30;

  private final DockerClient client;
  private final ContainerTracker tracker;
  private final SecretMask mask;

  /** @param tracker owns the containers (labels, shutdown hook); @param mask applied to errors */
  public BuildContainer(DockerClient client, ContainerTracker tracker, SecretMask mask) {
    this.client = client;
    this.tracker = tracker;
    this.mask = mask;
  }

  /**
   * Runs the build script and waits for it.
   *
   * @return the exit code, or empty when the timeout passed (the container was killed)
   * @throws RecipeBuilderException {@link Reason#IMAGE_NOT_FOUND} for a missing image,
   *     {@link Reason#ENGINE} when the engine fails; the container is removed in every case
   */
  public java.util.Optional<Integer> run(ContainerRun run) {
    String id = create(run);
    Lines lines = new Lines(run.lines());
    boolean interrupted = false;
    try {
      client.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).withLogs(true)
          .exec(lines);
      lines.awaitStarted(30, TimeUnit.SECONDS);
      WaitContainerResultCallback wait = client.waitContainerCmd(id)
          .withCondition(WaitContainerCondition.NEXT_EXIT).exec(new WaitContainerResultCallback());
      client.startContainerCmd(id).exec();
      try {
        if (!wait.awaitCompletion(run.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
          client.killContainerCmd(id).exec();
          return java.util.Optional.empty();
        }
        Integer code = wait.awaitStatusCode();
        lines.awaitCompletion(DRAIN_SECONDS, TimeUnit.SECONDS);
        return java.util.Optional.of(code);
      } finally {
        wait.close();
      }
    } catch (InterruptedException e) {
      interrupted = true;
      throw new RecipeBuilderException(Reason.ENGINE, "interrupted while building in " + run.image(), e);
    } catch (RecipeBuilderException e) {
      throw e;
    } catch (Exception e) {
      throw new RecipeBuilderException(Reason.ENGINE, "build container of " + run.image() + " failed: "
          + mask.mask(Engine.rootMessage(e)), e);
    } finally {
      try {
        lines.close();
      } catch (Exception ignored) {
        // already closed
      }
      lines.flush();
      tracker.remove(id);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String create(ContainerRun run) {
    List<Mount> mounts = new ArrayList<>();
    mounts.add(bind(run.script(), SCRIPT_PATH, true));
    mounts.add(bind(run.recipeDir(), RECIPE_PATH, true));
    mounts.add(bind(run.stagingDir(), Staging.CONTAINER_PATH, false));
    mounts.add(bind(run.outputDir(), OUTPUT_PATH, false));
    HostConfig host = HostConfig.newHostConfig().withMounts(mounts).withNetworkMode(run.network());
    Map<String, String> env = new HashMap<>(run.env());
    Map<String, String> labels = new HashMap<>(run.labels());
    labels.putAll(tracker.labels());
    CreateContainerCmd cmd = client.createContainerCmd(run.image()).withLabels(labels).withTty(false)
        .withAttachStdout(true).withAttachStderr(true).withAttachStdin(false);
    if (run.userMode() == UserMode.USER) {
      host.withGroupAdd(List.of(LUCKY_GID)).withCapDrop(Capability.ALL).withSecurityOpts(List.of("no-new-privileges"));
      env.putIfAbsent("HOME", "/tmp");
      mounts.add(bind(run.userEntrypoint().orElseThrow(), USER_ENTRYPOINT_PATH, true));
      run.condarc().ifPresent(c -> mounts.add(bind(c, CONDARC_PATH, true)));
      cmd.withUser(run.user().toString()).withEntrypoint("/bin/bash").withCmd(USER_ENTRYPOINT_PATH, SCRIPT_PATH);
    } else {
      env.put("HOST_USER_ID", Integer.toString(run.user().uid()));
      cmd.withCmd("/bin/bash", SCRIPT_PATH);
    }
    List<String> envList = new ArrayList<>();
    env.forEach((k, v) -> envList.add(k + "=" + v));
    cmd.withEnv(envList).withHostConfig(host);
    try {
      String id = cmd.exec().getId();
      tracker.created(id);
      return id;
    } catch (NotFoundException e) {
      throw new RecipeBuilderException(Reason.IMAGE_NOT_FOUND, "image '" + run.image()
          + "' is not present on the engine (nothing is pulled): build, load or import it first", e);
    } catch (RuntimeException e) {
      throw new RecipeBuilderException(Reason.ENGINE, "cannot create a build container of " + run.image() + ": "
          + mask.mask(Engine.rootMessage(e)), e);
    }
  }

  private static String resource(String name) {
    try (java.io.InputStream in = BuildContainer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Mount bind(Path host, String target, boolean readOnly) {
    return new Mount().withType(MountType.BIND).withSource(host.toString()).withTarget(target).withReadOnly(readOnly);
  }

  /** Splits both streams into lines, in arrival order per stream. */
  private static final class Lines extends ResultCallback.Adapter<Frame> {
    private final LineSplitter out;
    private final LineSplitter err;

    Lines(java.util.function.Consumer<String> sink) {
      this.out = new LineSplitter(sink);
      this.err = new LineSplitter(sink);
    }

    @Override
    public synchronized void onNext(Frame frame) {
      byte[] p = frame.getPayload();
      if (p != null) {
        (frame.getStreamType() == StreamType.STDERR ? err : out).write(p, 0, p.length);
      }
    }

    synchronized void flush() {
      out.flush();
      err.flush();
    }
  }
}
