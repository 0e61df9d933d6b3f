package org.containerops.dockerpkg.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.PlanResult;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.dockerpkg.parallel.ParallelMap;

/**
 * Decides which images must be rebuilt (issue 16 §2): an image is up to date when the image of its
 * label (published, else local) records exactly its current {@link ImageInputs#hash()}. Otherwise
 * the reasons name the parts that differ. Inputs are computed on {@code workers} threads.
 */
public final class RebuildPlanner {
  private final DockerPkgConfig config;
  private final InputHasher hasher;
  private final RecordedInputs recorded;
  private final int workers;

  /**
   * @param hasher computes the current inputs
   * @param recorded where the recorded inputs are looked up
   * @param workers threads computing inputs and asking {@code recorded}, at least 1
   */
  public RebuildPlanner(DockerPkgConfig config, InputHasher hasher, RecordedInputs recorded, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers: want >= 1, got " + workers);
    }
    this.config = config;
    this.hasher = hasher;
    this.recorded = recorded;
    this.workers = workers;
  }

  /**
   * @param images the images to judge, in build order
   * @return one verdict per image, same order
   * @throws DockerPkgException reason RENDER, IO, CYCLE from the inputs; REGISTRY or ENGINE from the lookup
   */
  public PlanResult plan(List<ImageDefinition> images) {
    return new PlanResult(ParallelMap.map(images, workers, this::judge, Reason.IO, "planning failed",
        "interrupted while planning"));
  }

  private PlanResult.Image judge(ImageDefinition image) {
    ImageLabel label = image.label(config);
    ImageInputs now = hasher.inputs(image.name());
    Optional<RecordedInputs.Found> found = recorded.find(label);
    if (found.isEmpty()) {
      return new PlanResult.Image(image.name(), label.full(), now.hash(), true,
          List.of("no image " + label.full() + " published or built"), "");
    }
    Optional<ImageInputs> before = ImageInputs.fromLabels(found.get().labels());
    if (before.isEmpty()) {
      return new PlanResult.Image(image.name(), label.full(), now.hash(), true,
          List.of("image in the " + found.get().source() + " records no inputs (built without docker-pkg plan)"),
          found.get().source());
    }
    if (before.get().hash().equals(now.hash())) {
      return new PlanResult.Image(image.name(), label.full(), now.hash(), false, List.of(), found.get().source());
    }
    return new PlanResult.Image(image.name(), label.full(), now.hash(), true, reasons(before.get().parts(), now.parts()),
        found.get().source());
  }

  /** One phrase per differing part, in key order. */
  static List<String> reasons(Map<String, String> before, Map<String, String> now) {
    List<String> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(now.keySet());
    for (String k : keys) {
      String a = before.get(k);
      String b = now.get(k);
      if (a != null && a.equals(b)) {
        continue;
      }
      String what = describe(k);
      out.add(a == null ? what + " added" : b == null ? what + " removed" : what + " changed");
    }
    if (out.isEmpty()) {
      out.add("inputs changed");
    }
    return out;
  }

  private static String describe(String key) {
    return switch (key) {
      case "dockerfile" -> "Dockerfile";
      case "context" -> "build context";
      case "build-stage" -> "build-stage Dockerfile";
      case "build-args" -> "build args";
      default -> key.startsWith("parent:") ? "parent " + key.substring(7)
          : key.startsWith("base:") ? "base image " + key.substring(5) : key;
    };
  }
}
