package org.containerops.runtime.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.engine.Engine;
import org.containerops.runtime.secret.SecretMask;

/**
 * Creates the locked-down container of a {@link SandboxSpec} (not started), labelled and tracked:
 * shared by one-shot runs and sessions.
 */
public final class SandboxContainer {
  private SandboxContainer() {}

  /**
   * @param command the argv to run (empty: the image's CMD)
   * @param user the resolved {@code --user}
   * @param oneShot true for a run: auto-remove, stdout/stderr attachable, stdin open when the spec has
   *     input; false for a session container that stays until removed
   * @return the container id, already registered with {@code tracker}
   * @throws ContainerRuntimeError {@link Reason#IMAGE_NOT_FOUND} or {@link Reason#ENGINE_ERROR}
   */
  public static String create(DockerClient client, ContainerTracker tracker, SandboxSpec spec, List<String> command,
      String user, boolean oneShot, SecretMask mask) {
    Map<String, String> labels = new HashMap<>(spec.labels());
    labels.putAll(tracker.labels());
    List<String> env = new ArrayList<>();
    spec.env().forEach((k, v) -> env.add(k + "=" + v));
    boolean stdin = oneShot && spec.stdin().isPresent();
    CreateContainerCmd cmd = client.createContainerCmd(spec.image())
        .withEnv(env)
        .withLabels(labels)
        .withHostConfig(SandboxHostConfig.of(spec, oneShot))
        .withAttachStdout(oneShot)
        .withAttachStderr(oneShot)
        .withAttachStdin(stdin)
        .withStdinOpen(stdin)
        .withStdInOnce(stdin)
        .withTty(false);
    if (!user.isBlank()) {
      cmd.withUser(user);
    }
    if (!command.isEmpty()) {
      cmd.withCmd(command);
    }
    spec.entrypoint().ifPresent(cmd::withEntrypoint);
    spec.workingDir().ifPresent(cmd::withWorkingDir);
    try {
      String id = cmd.exec().getId();
      tracker.created(id);
      return id;
    } catch (NotFoundException e) {
      throw UserResolver.imageNotFound(spec, mask.mask(command), e);
    } catch (RuntimeException e) {
      throw new ContainerRuntimeError(Reason.ENGINE_ERROR, "cannot create a container of '" + spec.image() + "': "
          + mask.mask(Engine.rootMessage(e)), spec.image(), mask.mask(command), null, null, "", e);
    }
  }
}
