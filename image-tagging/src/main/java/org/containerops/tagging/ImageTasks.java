package org.containerops.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingListener;
import org.containerops.tagging.manifest.Manifest;
import org.containerops.tagging.runner.OrderedTasks;
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

  /** @param parallelism how many commands run at once; 1 is upstream's one-after-the-other */
  ImageTasks(TaggingListener listener, int parallelism) {
    this.listener = listener;
    this.parallelism = parallelism;
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
