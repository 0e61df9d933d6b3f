package org.containerops.tagging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingListener;
import org.containerops.tagging.api.TargetImage;
import org.containerops.tagging.git.GitInfo;
import org.containerops.tagging.manifest.Manifest;
import org.containerops.tagging.runner.ImageRunner;
import org.containerops.tagging.runner.OrderedTasks;
import org.containerops.tagging.runner.SharedCommands;
import org.containerops.tagging.sbom.SbomInventory;
import org.containerops.tagging.tagger.TagInput;
import org.containerops.tagging.tagger.Tagger;

/**
 * Runs an image's taggers, manifests and SBOM listing against its one container: one pool of up to
 * {@code parallelism} commands at once for all of them (each only reads the image), results in hierarchy
 * order ({@link OrderedTasks}), each reported to the listener as it is computed, and a failure naming its
 * tagger or manifest ({@link TaggingException#inStep}).
 */
final class ImageTasks {
  private final TaggingListener listener;
  private final int parallelism;
  private final Supplier<ContainerRuntime> runtime;
  private final Supplier<GitInfo> git;
  private final Clock clock;
  private final Duration commandTimeout;

  /** @param parallelism how many commands run at once; 1 is upstream's one-after-the-other */
  ImageTasks(TaggingListener listener, int parallelism, Supplier<ContainerRuntime> runtime, Supplier<GitInfo> git,
      Clock clock, Duration commandTimeout) {
    this.listener = listener;
    this.parallelism = parallelism;
    this.runtime = runtime;
    this.git = git;
    this.clock = clock;
    this.commandTimeout = commandTimeout;
  }

  /**
   * One container for {@code t}: the git commit is read while the engine connects and the container starts;
   * all commands run in one pool, each distinct command line once ({@link SharedCommands}); then
   * {@code then} (writing files, applying tags) runs while the container
   * is removed, and this returns once both are done. On a failure the container is removed before the
   * exception leaves.
   */
  <R> R runInImage(TargetImage t, List<Tagger> taggers, List<Manifest> manifests, boolean sbom,
      Function<Outcome, R> then) {
    CompletableFuture<GitInfo> g = CompletableFuture.supplyAsync(() -> {
      long t0 = System.nanoTime();
      GitInfo info = git.get();
      phase("git", t0);
      return info;
    });
    long t0 = System.nanoTime();
    ContainerRuntime rt = runtime.get();
    phase("engine connect", t0);
    t0 = System.nanoTime();
    ImageRunner c = ImageRunner.start(rt, t.fullImage(), commandTimeout);
    phase("container start", t0);
    listener.containerStarted(t.fullImage(), c.containerId());
    Outcome o;
    try {
      GitInfo gi;
      try {
        gi = g.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
      t0 = System.nanoTime();
      o = run(taggers, manifests, sbom, new TagInput(new SharedCommands(c), gi, clock));
      phase("commands", t0);
    } catch (RuntimeException | Error e) {
      c.close();
      throw e;
    }
    CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> {
      long r0 = System.nanoTime();
      c.close();
      phase("container removal (while files are written)", r0);
    });
    try {
      return then.apply(o);
    } finally {
      try {
        removal.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
    }
  }

  private void phase(String name, long startNanos) {
    listener.phase(name, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /**
   * What one container run computed.
   *
   * @param values tag values in the taggers' order
   * @param pieces manifest markdown pieces in the manifests' order
   * @param sbom the package inventory, when asked for
   */
  record Outcome(List<String> values, List<String> pieces, Optional<SbomInventory> sbom) {}

  /**
   * Runs the taggers, the manifests and (when {@code sbom}) the package listing, all in one pool.
   *
   * @throws TaggingException of the first failing task in order (taggers, manifests, SBOM), with its name as step
   */
  Outcome run(List<Tagger> taggers, List<Manifest> manifests, boolean sbom, TagInput in) {
    List<Supplier<Object>> tasks = new ArrayList<>();
    for (Tagger tagger : taggers) {
      tasks.add(() -> {
        try {
          String v = tagger.value(in);
          listener.tagComputed(tagger.name(), v);
          return v;
        } catch (TaggingException e) {
          throw e.inStep(tagger.name());
        }
      });
    }
    for (Manifest m : manifests) {
      tasks.add(() -> {
        try {
          String text = m.piece(in.container()).text();
          listener.manifestComputed(m.name());
          return text;
        } catch (TaggingException e) {
          throw e.inStep(m.name());
        }
      });
    }
    if (sbom) {
      tasks.add(0, () -> { // first: four commands of its own, started before the quick taggers
        try {
          SbomInventory inv = SbomInventory.collect(in.container(), Math.min(parallelism, 4));
          listener.manifestComputed("sbom");
          return inv;
        } catch (TaggingException e) {
          throw e.inStep("sbom");
        }
      });
    }
    List<Object> out = OrderedTasks.run(tasks, parallelism);
    int first = sbom ? 1 : 0;
    List<String> values = new ArrayList<>();
    List<String> pieces = new ArrayList<>();
    for (int i = first; i < out.size(); i++) {
      (i - first < taggers.size() ? values : pieces).add((String) out.get(i));
    }
    return new Outcome(values, pieces, sbom ? Optional.of((SbomInventory) out.get(0)) : Optional.empty());
  }
}
