package org.containerops.dockerpkg.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.engine.ImageEngine.BuildRequest;
import org.containerops.dockerpkg.engine.ImageEngine.Credentials;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.dockerpkg.render.DockerfileChecks;
import org.containerops.dockerpkg.render.TemplateRenderer;

/**
 * The steps of one image: build (with the optional build-stage artifacts), verify, publish.
 * Each step throws {@link DockerPkgException} with a one-line message on failure; the image's run
 * stops there. Thread-safe (rendering is serialized by the renderer).
 */
final class ImagePipeline {
  private final DockerPkgConfig config;
  private final ImageEngine engine;
  private final TemplateRenderer renderer;
  private final DockerPkgListener listener;
  private final boolean noCache;
  private final Optional<Credentials> credentials;
  private final Verification verification;
  private final Function<String, Map<String, String>> inputLabels;

  /** @param inputLabels the recorded-inputs labels to put on image NAME ({@code ImageInputs#labels}) */
  ImagePipeline(DockerPkgConfig config, ImageEngine engine, TemplateRenderer renderer, DockerPkgListener listener,
      boolean noCache, Optional<Credentials> credentials, Function<String, Map<String, String>> inputLabels) {
    this.inputLabels = inputLabels;
    this.config = config;
    this.engine = engine;
    this.renderer = renderer;
    this.listener = listener;
    this.noCache = noCache;
    this.credentials = credentials;
    this.verification = new Verification(config);
  }

  /**
   * Renders the Dockerfile, copies the image directory into a temporary context, builds the
   * artifacts first if there is a {@value ImageDefinition#BUILD_TEMPLATE}, then the image
   * (upstream image.py:179-213). The context is always removed.
   */
  void build(ImageDefinition image, ImageLabel label) {
    String dockerfile = renderer.render(image.name(), image.dir()).text();
    if (config.forceNumericUser() && !DockerfileChecks.hasNumericUser(dockerfile)) {
      throw new DockerPkgException(Reason.RENDER, image.dir(), "the last USER of " + image.name()
          + "'s Dockerfile is not numeric (force_numeric_user is set)");
    }
    listener.step(image.name(), "building " + label.full());
    try (BuildContext context = BuildContext.of(image.dir(), image.name())) {
      context.write("Dockerfile", dockerfile);
      if (Files.isRegularFile(image.dir().resolve(ImageDefinition.BUILD_TEMPLATE))) {
        artifacts(image, label, context);
      }
      BuildRequest main = request(context, "Dockerfile", label.full());
      engine.build(new BuildRequest(main.context(), main.dockerfile(), main.tag(), main.buildArgs(), main.limits(),
          main.network(), main.noCache(), inputLabels.apply(image.name())), line -> listener.buildLog(image.name(), line));
    } catch (IOException e) {
      throw new DockerPkgException(Reason.IO, image.dir(), "cannot prepare the build context of " + image.name()
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * The legacy build stage (upstream ≤ 2.x image.py:288-301,405-450): build {@code <name>-build}
   * (same tag) from {@code Dockerfile.build} in the same context, copy its {@code /build} into
   * {@code context/build}, and remove that image whatever happens.
   */
  private void artifacts(ImageDefinition image, ImageLabel label, BuildContext context) throws IOException {
    ImageLabel stage = new ImageLabel(label.registry(), label.namespace(), label.shortName() + "-build", label.tag());
    String text = renderer.render(image.name(), image.dir(), ImageDefinition.BUILD_TEMPLATE).text();
    context.write("Dockerfile.build", text);
    listener.step(image.name(), "building artifacts in " + stage.full());
    try {
      engine.build(request(context, "Dockerfile.build", stage.full()), line -> listener.buildLog(image.name(), line));
      engine.copyOut(stage.full(), "/build", context.dir());
    } catch (DockerPkgException e) {
      throw new DockerPkgException(Reason.ENGINE, image.dir(), "artifact stage " + stage.shortName() + ": "
          + e.getMessage(), e);
    } finally {
      try {
        engine.remove(stage.full(), true);
      } catch (DockerPkgException e) {
        listener.warning(image.name(), "cannot remove " + stage.full() + ": " + e.getMessage());
      }
    }
  }

  private BuildRequest request(BuildContext context, String dockerfile, String tag) {
    return new BuildRequest(context.dir(), dockerfile, tag, Verification.proxyEnv(config), config.containerLimits(),
        config.networkMode(), noCache);
  }

  /**
   * Verifies the image (see {@link Verification}); a failed verification, a verification command
   * that is not found included, removes the image again so that the next run rebuilds it
   * (upstream left it, and the next run took it as built).
   *
   * @return a note when there was nothing to verify, else empty
   */
  String verify(ImageDefinition image, ImageLabel label) {
    Verification.Plan plan;
    try {
      plan = verification.plan(image.dir(), image.name(), label.full());
    } catch (IllegalArgumentException e) {
      throw new DockerPkgException(Reason.CONFIG, null, "verify_args: " + e.getMessage(), e);
    } catch (DockerPkgException e) {
      removeUnverified(image, label);
      throw e;
    }
    if (plan.argv().isEmpty()) {
      return plan.skipReason();
    }
    listener.step(image.name(), "verifying " + label.full() + (verification.inContainer() ? " in a container" : ""));
    HostVerifier.Outcome r = verification.run(engine, image.dir(), label.full(), plan,
        line -> listener.buildLog(image.name(), line));
    if (r.exitCode() != 0) {
      removeUnverified(image, label);
      String last = r.tail().stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
      String how = r.timedOut() ? "timed out after " + describe(verification.timeout()) : "exit " + r.exitCode();
      throw new DockerPkgException(Reason.ENGINE, image.dir(), "verification failed (" + how + ")"
          + (last.isEmpty() ? "" : ": " + last));
    }
    return "";
  }

  private static String describe(Duration d) {
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  private void removeUnverified(ImageDefinition image, ImageLabel label) {
    try {
      engine.remove(label.full(), false);
    } catch (DockerPkgException e) {
      listener.warning(image.name(), "cannot remove the unverified image: " + e.getMessage());
    }
  }

  /** Tags {@code latest} and pushes the version and {@code latest} (upstream drivers.py:168-179,210-211). */
  void publish(ImageDefinition image, ImageLabel label) {
    listener.step(image.name(), "publishing " + label.full());
    engine.tag(label.full(), label.name(), "latest");
    engine.push(label.name(), label.tag(), credentials);
    engine.push(label.name(), "latest", credentials);
  }

  /** @return whether images get published: credentials present */
  boolean publishing() {
    return credentials.isPresent();
  }
}
