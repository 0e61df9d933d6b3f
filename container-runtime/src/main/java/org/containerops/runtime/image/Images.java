package org.containerops.runtime.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.engine.Engine;
import org.containerops.runtime.protocol.ProtocolJson;
import org.containerops.runtime.secret.SecretMask;
import org.containerops.runtime.stream.TailBuffer;

/**
 * Image operations on the engine: build from a context, import a rootfs tarball, check, remove.
 * Built images carry the label {@value ContainerTracker#MANAGED_LABEL}{@code =true}. Errors are
 * {@link ContainerRuntimeError}s with a one-line message and the build log's tail, secrets masked.
 * Thread-safe.
 */
public final class Images {
  private static final int LOG_TAIL_BYTES = 16 * 1024;

  private final DockerClient client;

  /** @param client the engine client (not closed by this object) */
  public Images(DockerClient client) {
    this.client = client;
  }

  /**
   * Builds an image ({@code docker build --pull=false --rm}).
   *
   * @return the image id ({@code sha256:...})
   * @throws ContainerRuntimeError {@link Reason#IMAGE_BUILD_FAILED} with the log tail when a step fails
   */
  public String build(ImageBuildSpec spec) {
    // values of sensitive names (TOKEN, PASSWORD, ...) and URL passwords (proxies) are masked
    SecretMask mask = SecretMask.of(List.of(), spec.buildArgs());
    Map<String, String> labels = new HashMap<>(spec.labels());
    labels.put(ContainerTracker.MANAGED_LABEL, "true");
    TailBuffer log = new TailBuffer(LOG_TAIL_BYTES);
    BuildImageCmd cmd = client.buildImageCmd(spec.contextDir().toFile())
        .withTags(new HashSet<>(spec.tags()))
        .withLabels(labels)
        .withNetworkMode(spec.network())
        .withPull(false)
        .withRemove(true)
        .withForcerm(true)
        .withNoCache(spec.noCache());
    spec.dockerfile().ifPresent(f -> cmd.withDockerfile(spec.contextDir().resolve(f).toFile()));
    spec.buildArgs().forEach(cmd::withBuildArg);
    BuildImageResultCallback callback = new BuildImageResultCallback() {
      @Override
      public void onNext(BuildResponseItem item) {
        String text = item.getStream() != null ? item.getStream()
            : item.getErrorDetail() != null ? item.getErrorDetail().getMessage() + "\n" : null;
        if (text != null) {
          byte[] b = text.getBytes(StandardCharsets.UTF_8);
          log.write(b, 0, b.length);
        }
        super.onNext(item);
      }
    };
    try {
      cmd.exec(callback).awaitImageId();
      return client.inspectImageCmd(spec.tags().get(0)).exec().getId();
    } catch (RuntimeException e) {
      throw new ContainerRuntimeError(Reason.IMAGE_BUILD_FAILED, "building " + spec.tags().get(0) + " from "
          + spec.contextDir() + " failed: " + mask.mask(Engine.rootMessage(e)), spec.tags().get(0), List.of(),
          null, null, mask.mask(log.text()), e);
    }
  }

  /**
   * Makes an image whose only layer is a root filesystem tarball, like {@code docker import}, built as
   * {@code FROM scratch} + {@code ADD <tarball> /} (docker-java's import stream arrives truncated at
   * engine 20.10), so labels and a {@code CMD} can be set too.
   *
   * @param tarball a tar (optionally gzip, bzip2 or xz compressed) of the root filesystem
   * @param repoTag e.g. {@code containerops/debian:bookworm}
   * @param cmd the image's {@code CMD} (exec form), or empty for none
   * @param labels labels to set (the managed label is added)
   * @return the image id ({@code sha256:...})
   * @throws ContainerRuntimeError {@link Reason#IMAGE_BUILD_FAILED} when the tarball is unreadable or refused
   */
  public String importRootfs(Path tarball, String repoTag, List<String> cmd, Map<String, String> labels) {
    if (!Files.isRegularFile(tarball)) {
      throw new ContainerRuntimeError(Reason.IMAGE_BUILD_FAILED, "importing " + tarball + " as " + repoTag
          + " failed: no such file", repoTag, List.of(), null, null, "", null);
    }
    Path context = null;
    try {
      context = Files.createTempDirectory("containerops-import-");
      Files.createLink(context.resolve("rootfs.tar"), tarball.toAbsolutePath());
      StringBuilder dockerfile = new StringBuilder("FROM scratch\nADD rootfs.tar /\n");
      if (!cmd.isEmpty()) {
        dockerfile.append("CMD ").append(ProtocolJson.mapper().writeValueAsString(cmd)).append('\n');
      }
      Files.writeString(context.resolve("Dockerfile"), dockerfile);
      return build(ImageBuildSpec.of(context, repoTag).withLabels(labels));
    } catch (IOException e) {
      throw new ContainerRuntimeError(Reason.IMAGE_BUILD_FAILED, "importing " + tarball + " as " + repoTag
          + " failed: " + Engine.rootMessage(e), repoTag, List.of(), null, null, "", e);
    } finally {
      deleteContext(context);
    }
  }

  private static void deleteContext(Path context) {
    if (context == null) {
      return;
    }
    try (var files = Files.list(context)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(context);
    } catch (IOException ignored) {
      // a temp dir left behind is harmless; nothing else to do
    }
  }

  /**
   * Gives an image another name ({@code docker tag}).
   *
   * @param image a name, {@code repo:tag} or id
   * @param repository e.g. {@code 127.0.0.1:5000/team/tool}
   * @param tag e.g. {@code 1.2.3}
   * @throws ContainerRuntimeError {@link Reason#IMAGE_NOT_FOUND} when the image is missing,
   *     {@link Reason#ENGINE_ERROR} when the engine refuses the name
   */
  public void tag(String image, String repository, String tag) {
    try {
      client.tagImageCmd(image, repository, tag).withForce().exec();
    } catch (NotFoundException e) {
      throw new ContainerRuntimeError(Reason.IMAGE_NOT_FOUND, "cannot tag " + image + ": not present on the engine",
          image, List.of(), null, null, "", e);
    } catch (RuntimeException e) {
      throw new ContainerRuntimeError(Reason.ENGINE_ERROR, "cannot tag " + image + " as " + repository + ":" + tag
          + ": " + Engine.rootMessage(e), image, List.of(), null, null, "", e);
    }
  }

  /** True when the engine has {@code image} (a name, {@code repo:tag} or id). */
  public boolean exists(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Removes an image (its tag, and its layers when no other tag uses them).
   *
   * @param force also remove it when a stopped container uses it
   * @return false when it did not exist
   * @throws ContainerRuntimeError {@link Reason#ENGINE_ERROR} when the engine refuses (e.g. in use)
   */
  public boolean remove(String image, boolean force) {
    try {
      client.removeImageCmd(image).withForce(force).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw new ContainerRuntimeError(Reason.ENGINE_ERROR, "removing image " + image + " failed: "
          + Engine.rootMessage(e), image, List.of(), null, null, "", e);
    }
  }
}
