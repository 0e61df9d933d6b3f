package org.containerops.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingListener;
import org.containerops.tagging.manifest.Manifest;
import org.containerops.tagging.runner.CommandRunner;
import org.containerops.tagging.runner.OrderedTasks;
import org.containerops.tagging.tagger.TagInput;
import org.containerops.tagging.tagger.Tagger;

/**
 * Runs an image's taggers and manifests against its one container: up to {@code parallelism} commands at
 * once, results in hierarchy order ({@link OrderedTasks}), each one reported to the listener as it is
 * computed, and a failure naming its tagger or manifest ({@link TaggingException#inStep}).
 */
final class ImageTasks {
  private final TaggingListener listener;
  private final int parallelism;

  /** @param parallelism how many commands run at once; 1 is upstream's one-after-the-other */
  ImageTasks(TaggingListener listener, int parallelism) {
    this.listener = listener;
    this.parallelism = parallelism;
  }

  /**
   * The taggers' values (no prefix), in the taggers' order.
   *
   * @throws TaggingException of the first failing tagger in order, with its name as step
   */
  List<String> tagValues(List<Tagger> taggers, TagInput in) {
    List<Supplier<String>> tasks = new ArrayList<>();
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
    return OrderedTasks.run(tasks, parallelism);
  }

  /**
   * The manifests' markdown pieces, in the manifests' order.
   *
   * @throws TaggingException of the first failing manifest in order, with its name as step
   */
  List<String> manifestPieces(List<Manifest> manifests, CommandRunner c) {
    List<Supplier<String>> tasks = new ArrayList<>();
    for (Manifest m : manifests) {
      tasks.add(() -> {
        try {
          String text = m.piece(c).text();
          listener.manifestComputed(m.name());
          return text;
        } catch (TaggingException e) {
          throw e.inStep(m.name());
        }
      });
    }
    return OrderedTasks.run(tasks, parallelism);
  }
}
