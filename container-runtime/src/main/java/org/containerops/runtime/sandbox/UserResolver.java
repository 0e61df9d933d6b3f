package org.containerops.runtime.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxSpec;

/**
 * Decides which user a sandbox runs as: the spec's user; else the image's {@code USER} when it is not
 * root; else root only when {@link SandboxSpec#runAsRoot()} was asked for. Upstream relies on the
 * image's {@code USER conda} and never checks it ({@code container_utils.py}, no {@code --user}).
 */
public final class UserResolver {
  private UserResolver() {}

  /** The error for an image the engine does not have. */
  public static ContainerRuntimeError imageNotFound(SandboxSpec spec, List<String> maskedCommand, Throwable cause) {
    return new ContainerRuntimeError(Reason.IMAGE_NOT_FOUND, "image '" + spec.image()
        + "' is not present on the engine (nothing is pulled): build, import or load it first",
        spec.image(), maskedCommand, null, null, "", cause);
  }

  /**
   * @return the {@code --user} value to run with
   * @throws ContainerRuntimeError {@link Reason#IMAGE_NOT_FOUND} when the image is not present locally,
   *     {@link Reason#ROOT_NOT_ALLOWED} when it would run as root without being asked
   */
  public static String resolve(DockerClient client, SandboxSpec spec, List<String> maskedCommand) {
    if (spec.user().isPresent()) {
      return spec.user().get(); // validated by the spec; a missing image shows at create
    }
    InspectImageResponse image;
    try {
      image = client.inspectImageCmd(spec.image()).exec();
    } catch (NotFoundException e) {
      throw imageNotFound(spec, maskedCommand, e);
    }
    String imageUser = image.getConfig() == null ? null : image.getConfig().getUser();
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
}
