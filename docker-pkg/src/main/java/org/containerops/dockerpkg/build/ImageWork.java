package org.containerops.dockerpkg.build;

import java.time.Duration;
import java.util.Map;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.ImageReport;
import org.containerops.dockerpkg.api.ImageReport.ImageState;
import org.containerops.dockerpkg.api.ImageReport.Outcome;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.engine.ImageEngine.Credentials;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.dockerpkg.image.ImageTree;

/**
 * One planned image from start to end: pull the published dependencies it lacks (pull on), build,
 * verify, publish (credentials set); an image that already exists locally is only verified and
 * published. Never throws: every failure becomes a FAILED report naming the step.
 */
final class ImageWork {
  /** Prefix of the detail of an image that built and verified but could not be pushed. */
  static final String PUBLISH_FAILED = "publishing failed: ";

  private final DockerPkgConfig config;
  private final ImageEngine engine;
  private final ImagePipeline pipeline;
  private final ImageTree tree;
  private final Map<String, ImageState> states;
  private final boolean pull;

  ImageWork(DockerPkgConfig config, ImageEngine engine, ImagePipeline pipeline, ImageTree tree,
      Map<String, ImageState> states, boolean pull) {
    this.config = config;
    this.engine = engine;
    this.pipeline = pipeline;
    this.tree = tree;
    this.states = states;
    this.pull = pull;
  }

  ImageReport run(ImageDefinition image) {
    long start = System.nanoTime();
    ImageLabel label = image.label(config);
    ImageState initial = states.get(image.name());
    String step = "build";
    String note = "";
    try {
      if (initial == ImageState.TO_BUILD) {
        step = "pulling dependencies";
        pullDependencies(image);
        step = "build";
        pipeline.build(image, label);
      }
      step = "verification";
      note = pipeline.verify(image, label);
      if (!pipeline.publishing()) {
        return report(image, label, initial, Outcome.BUILT, note, start);
      }
      step = "publishing";
      try {
        pipeline.publish(image, label);
      } catch (DockerPkgException e) {
        return report(image, label, initial, Outcome.FAILED, PUBLISH_FAILED + e.getMessage(), start);
      }
      return report(image, label, initial, Outcome.PUBLISHED, note, start);
    } catch (DockerPkgException e) {
      String msg = e.getMessage();
      return report(image, label, initial, Outcome.FAILED, msg.startsWith("verification") ? msg : step + ": " + msg, start);
    } catch (RuntimeException e) {
      return report(image, label, initial, Outcome.FAILED, step + ": unexpected " + e, start);
    }
  }

  /**
   * Pulls control dependencies that are in the registry but not in the engine (upstream pulled
   * every published dependency, builder.py:341-353); a failed pull fails the image.
   */
  private void pullDependencies(ImageDefinition image) {
    if (!pull) {
      return;
    }
    for (String dep : image.depends()) {
      if (states.get(dep) != ImageState.PUBLISHED) {
        continue;
      }
      String ref = tree.find(dep).orElseThrow().label(config).full();
      if (!engine.exists(ref)) {
        engine.pull(ref, credentials());
      }
    }
  }

  private java.util.Optional<Credentials> credentials() {
    if (config.username().isEmpty() || config.password().isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Credentials(config.username().get(), config.password().get(), config.registry()));
  }

  private static ImageReport report(ImageDefinition image, ImageLabel label, ImageState initial, Outcome outcome,
      String detail, long start) {
    return new ImageReport(image.name(), label.full(), initial, outcome, detail, Duration.ofNanos(System.nanoTime() - start));
  }
}
