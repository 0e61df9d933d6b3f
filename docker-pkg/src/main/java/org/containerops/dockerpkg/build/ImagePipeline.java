package org.containerops.dockerpkg.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.engine.ImageEngine.BuildRequest;
import org.containerops.dockerpkg.engine.ImageEngine.CommandResult;
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

  ImagePipeline(DockerPkgConfig config, ImageEngine engine, TemplateRenderer renderer, DockerPkgListener listener,
      boolean noCache, Optional<Credentials> credentials) {
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
   * artifacts first if there is a {@value TemplateRenderer#BUILD_TEMPLATE}, then the image
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
      Files.writeString(context.dir().resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
      if (Files.isRegularFile(image.dir().resolve(TemplateRenderer.BUILD_TEMPLATE))) {
        artifacts(image, label, context);
      }
      engine.build(request(context, "Dockerfile", label.full()), line -> listener.buildLog(image.name(), line));
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
    String text = renderer.render(image.name(), image.dir(), TemplateRenderer.BUILD_TEMPLATE).text();
    Files.writeString(context.dir().resolve("Dockerfile.build"), text, StandardCharsets.UTF_8);
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
   * Verifies the image; a failed verification removes the image again so that the next run
   * rebuilds it (upstream left it, and the next run took it as built).
   *
   * @return a note when there was nothing to verify, else empty
   */
  String verify(ImageDefinition image, ImageLabel label) {
    Verification.Plan plan;
    try {
      plan = verification.plan(image.dir(), label.full());
    } catch (IllegalArgumentException e) {
      throw new DockerPkgException(Reason.CONFIG, null, "verify_args: " + e.getMessage(), e);
    }
    if (plan.argv().isEmpty()) {
      return plan.skipReason();
    }
    listener.step(image.name(), "verifying " + label.full());
    CommandResult r = verification.run(engine, image.dir(), label.full(), plan.argv().get());
    r.output().lines().forEach(l -> listener.buildLog(image.name(), l));
    if (r.exitCode() != 0) {
      try {
        engine.remove(label.full(), false);
      } catch (DockerPkgException e) {
        listener.warning(image.name(), "cannot remove the unverified image: " + e.getMessage());
      }
      String last = r.output().strip().lines().reduce((a, b) -> b).orElse("");
      throw new DockerPkgException(Reason.ENGINE, image.dir(), "verification failed (exit " + r.exitCode() + ")"
          + (last.isEmpty() ? "" : ": " + last));
    }
    return "";
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
