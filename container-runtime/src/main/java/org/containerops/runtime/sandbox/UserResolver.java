package org.containerops.runtime.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxSpec;

/**
 * Decides which user a sandbox runs as: the spec's user; else the image's {@code USER} when it is not
 * root; else root only when {@link SandboxSpec#runAsRoot()} was asked for. A spec that inspects a trusted
 * image as built ({@link SandboxSpec#isTrustedImageAsBuilt()}) runs as the image's {@code USER}, root included. Upstream relies on the
 * image's {@code USER conda} and never checks it ({@code container_utils.py}, no {@code --user}).
 *
 * <p>The image's {@code USER} is remembered per image reference for {@value #CACHE_SECONDS} s, saving
 * an inspect per run. A stale entry can only pass the old image's non-root user explicitly, never
 * root. Thread-safe.
 */
public final class UserResolver {
  /** How long an image's {@code USER} is remembered, seconds. */
  public static final int CACHE_SECONDS = 30;

  private final DockerClient client;
  private final Map<String, Cached> imageUsers = new ConcurrentHashMap<>();

  private record Cached(String user, long expiresNanos) {}

  /** @param client the engine client */
  public UserResolver(DockerClient client) {
    this.client = client;
  }

  /** The error for an image the engine does not have. */
  public static ContainerRuntimeError imageNotFound(SandboxSpec spec, List<String> maskedCommand, Throwable cause) {
    return new ContainerRuntimeError(Reason.IMAGE_NOT_FOUND, "image '" + spec.image()
        + "' is not present on the engine (nothing is pulled): build, import or load it first",
        spec.image(), maskedCommand, null, null, "", cause);
  }

  /**
   * @return the {@code --user} value to run with; blank (only for a trusted image as built whose image has
   *     no {@code USER}) means the engine's default
   * @throws ContainerRuntimeError {@link Reason#IMAGE_NOT_FOUND} when the image is not present locally,
   *     {@link Reason#ROOT_NOT_ALLOWED} when it would run as root without being asked
   */
  public String resolve(SandboxSpec spec, List<String> maskedCommand) {
    if (spec.user().isPresent()) {
      return spec.user().get(); // validated by the spec; a missing image shows at create
    }
    String imageUser = imageUser(spec, maskedCommand);
    if (spec.isTrustedImageAsBuilt()) {
      return imageUser; // as built, root included; blank means the engine's default (the image's USER)
    }
    if (!SandboxSpec.isRootUser(imageUser)) {
      return imageUser;
    }
    if (spec.runAsRoot()) {
      return "0:0";
    }
    throw new ContainerRuntimeError(Reason.ROOT_NOT_ALLOWED, "image '" + spec.image()
        + "' has no non-root USER: give a uid:gid (user(\"1000:1000\"), --user) or ask for root"
        + " explicitly (runAsRoot(), --root)", spec.image(), maskedCommand, null, null, "", null);
  }

  private String imageUser(SandboxSpec spec, List<String> maskedCommand) {
    long now = System.nanoTime();
    Cached cached = imageUsers.get(spec.image());
    if (cached != null && now - cached.expiresNanos() < 0) {
      return cached.user();
    }
    InspectImageResponse image;
    try {
      image = client.inspectImageCmd(spec.image()).exec();
    } catch (NotFoundException e) {
      imageUsers.remove(spec.image());
      throw imageNotFound(spec, maskedCommand, e);
    }
    String user = image.getConfig() == null || image.getConfig().getUser() == null ? "" : image.getConfig().getUser();
    imageUsers.put(spec.image(), new Cached(user, now + Duration.ofSeconds(CACHE_SECONDS).toNanos()));
    return user;
  }
}
