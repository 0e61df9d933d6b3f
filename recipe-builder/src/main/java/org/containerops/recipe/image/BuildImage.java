package org.containerops.recipe.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.recipe.api.RecipeBuilderListener;
import org.containerops.recipe.staging.DirectoryTree;
import org.containerops.recipe.template.Template;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.image.ImageBuildSpec;
import org.containerops.runtime.image.Images;
import org.containerops.runtime.secret.SecretMask;

/**
 * The derived build image of upstream's {@code --build-image} ({@code _build_image()},
 * {@code docker_utils.py:325-415}), with its lifecycle fixed (B7). The tag is derived from the content:
 * {@value #REPOSITORY}{@code :<sha256 of the rendered Dockerfile and the base image id, 16 hex>}, so a
 * second run with the same template and base reuses the image (no build). Each instance also tags it
 * {@code <content>-<run id>} and runs that tag, so another run removing the content tag never pulls
 * the image from under it. {@link #close()} drops the run tag, and the content tag too when this
 * instance built it and it is not kept. Proxies are build args (not {@code ENV}, B1-B3); the context
 * dir is removed in every case (B6).
 */
public final class BuildImage implements AutoCloseable {
  /** Repository of derived build images. */
  public static final String REPOSITORY = "containerops/recipe-builder-build";
  /** Label carrying the content hash. */
  public static final String CONTENT_LABEL = "org.containerops.recipe-builder.content";

  private final Images images;
  private final String contentTag;
  private final String runTag;
  private final boolean built;
  private final boolean keep;
  private final RecipeBuilderListener listener;
  private boolean closed;

  private BuildImage(Images images, String contentTag, String runTag, boolean built, boolean keep,
      RecipeBuilderListener listener) {
    this.images = images;
    this.contentTag = contentTag;
    this.runTag = runTag;
    this.built = built;
    this.keep = keep;
    this.listener = listener;
  }

  /**
   * Renders the Dockerfile, then reuses the image of the same content or builds it.
   *
   * @param buildArgs proxy build args (predefined, not kept in the image)
   * @throws RecipeBuilderException {@link Reason#TEMPLATE}, {@link Reason#IMAGE_NOT_FOUND} (base missing),
   *     {@link Reason#IMAGE_BUILD_FAILED} with the masked log tail
   */
  public static BuildImage prepare(DockerClient client, Images images, String baseImage, String dockerfileTemplate,
      Map<String, String> buildArgs, String network, boolean keep, String runId, SecretMask mask,
      RecipeBuilderListener listener) {
    String dockerfile = new Template("Dockerfile template", dockerfileTemplate).render(Map.of(
        "docker_base_image", baseImage,
        "proxies", "# proxies are passed as build arguments (HTTP_PROXY, ...), not kept in the image"));
    String baseId = baseImageId(client, baseImage);
    String hash = sha256(dockerfile + "\n--base " + baseId).substring(0, 16);
    String contentTag = REPOSITORY + ":" + hash;
    String runTag = REPOSITORY + ":" + hash + "-" + runId;
    long start = System.nanoTime();
    for (int attempt = 0; attempt < 2; attempt++) {
      if (images.exists(contentTag) && tag(client, contentTag, runTag)) {
        listener.imageReady(contentTag, true, Duration.ofNanos(System.nanoTime() - start));
        return new BuildImage(images, contentTag, runTag, false, keep, listener);
      }
    }
    listener.imageBuilding(contentTag);
    Path context = null;
    try {
      context = Files.createTempDirectory("recipe-builder-image-");
      Files.writeString(context.resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
      images.build(new ImageBuildSpec(context, Optional.empty(), List.of(contentTag, runTag), buildArgs,
          Map.of(CONTENT_LABEL, hash), network, false));
    } catch (ContainerRuntimeError e) {
      String tail = mask.mask(e.stderrTail()).strip();
      throw new RecipeBuilderException(Reason.IMAGE_BUILD_FAILED, mask.mask(e.getMessage())
          + (tail.isEmpty() ? "" : "\n" + lastLines(tail, 20)), e);
    } catch (IOException e) {
      throw new RecipeBuilderException(Reason.STAGING, "cannot write the image build context: " + e.getMessage(), e);
    } finally {
      DirectoryTree.delete(context);
    }
    listener.imageReady(contentTag, false, Duration.ofNanos(System.nanoTime() - start));
    return new BuildImage(images, contentTag, runTag, true, keep, listener);
  }

  /** The tag builds run ({@code <content tag>-<run id>}). */
  public String runTag() {
    return runTag;
  }

  /** The content-derived tag, shared by runs with the same Dockerfile and base image. */
  public String contentTag() {
    return contentTag;
  }

  /** True when this instance built the image (it was not present). */
  public boolean built() {
    return built;
  }

  /** Removes the run tag, and the content tag when built here and not kept; errors become warnings. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    removeQuietly(runTag);
    if (built && !keep) {
      removeQuietly(contentTag);
    }
  }

  private void removeQuietly(String tag) {
    try {
      images.remove(tag, false);
    } catch (ContainerRuntimeError e) {
      listener.warning("could not remove image " + tag + ": " + e.getMessage());
    }
  }

  private static boolean tag(DockerClient client, String source, String target) {
    int colon = target.lastIndexOf(':');
    try {
      client.tagImageCmd(source, target.substring(0, colon), target.substring(colon + 1)).exec();
      return true;
    } catch (NotFoundException e) {
      return false; // removed by another run in between: build it
    }
  }

  private static String baseImageId(DockerClient client, String baseImage) {
    try {
      return client.inspectImageCmd(baseImage).exec().getId();
    } catch (NotFoundException e) {
      throw new RecipeBuilderException(Reason.IMAGE_NOT_FOUND, "base image '" + baseImage
          + "' is not present on the engine (nothing is pulled): build, load or import it first", e);
    }
  }

  private static String lastLines(String text, int n) {
    String[] lines = text.split("\n");
    return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - n), lines.length));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
