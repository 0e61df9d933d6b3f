package org.containerops.dockerpkg.render;

import java.util.List;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.parallel.ParallelMap;

/**
 * Renders many images at once (issue 16 §3) on {@code workers} threads, each with its own
 * {@link TemplateRenderer} (jinjava's resource locator is per instance). Every render already gets a
 * fresh context and config values are copied into it, so templates cannot see each other: the
 * output is the same as one at a time, in the same order.
 */
public final class BatchRenderer {
  private final ThreadLocal<TemplateRenderer> renderer;
  private final int workers;

  /**
   * @param knownImages as for {@link TemplateRenderer#TemplateRenderer}
   * @param workers threads, at least 1
   */
  public BatchRenderer(DockerPkgConfig config, List<String> knownImages, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers: want >= 1, got " + workers);
    }
    List<String> known = List.copyOf(knownImages);
    this.renderer = ThreadLocal.withInitial(() -> new TemplateRenderer(config, known));
    this.workers = workers;
  }

  /**
   * One image's outcome: exactly one of {@code rendered} and {@code error} is non-null.
   *
   * @param image the image
   * @param rendered its Dockerfile
   * @param error why it failed (reason RENDER)
   */
  public record Outcome(ImageDefinition image, RenderedDockerfile rendered, DockerPkgException error) {}

  /**
   * @param images what to render
   * @return one outcome per image, in the order given
   */
  public List<Outcome> render(List<ImageDefinition> images) {
    return ParallelMap.map(images, workers, this::renderOne, Reason.RENDER, "rendering failed",
        "interrupted while rendering");
  }

  private Outcome renderOne(ImageDefinition image) {
    try {
      return new Outcome(image, renderer.get().render(image.name(), image.dir()), null);
    } catch (DockerPkgException e) {
      return new Outcome(image, null, e);
    }
  }
}
