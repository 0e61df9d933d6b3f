package org.containerops.tagging.runner;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.Limits;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.session.ContainerSession;
import org.containerops.runtime.session.ExecResult;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.text.PythonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One container per image for all taggers and manifests: the Java form of upstream's {@code DockerRunner}
 * ({@code tagging/utils/docker_runner.py}) on a container-runtime {@link ContainerSession} in the
 * runtime's "inspect a trusted image as built" mode ({@code SandboxSpec.Builder.trustedImageAsBuilt()}):
 * the container runs {@code sleep infinity} behind the image's ENTRYPOINT, as the image's USER (root
 * included), with the image's env and filesystem as built: writable root filesystem, the image's own
 * {@code /tmp}, no env added, the engine's default ulimits and capabilities, as many CPUs as the host has
 * (upstream sets no limit). So {@code conda info} says {@code (writable)} and tools cache in {@code $HOME}
 * as under {@code docker run}. Ours, unlike upstream: network {@code none}, our labels, the time limit per
 * command, and {@link #close()} removes the container in every case. Nothing is pulled.
 */
public final class ImageRunner implements CommandRunner, AutoCloseable {
  /** Default wall-time limit of one command. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(ImageRunner.class);

  private final String image;
  private final ContainerSession session;
  private final Duration commandTimeout;

  private ImageRunner(String image, ContainerSession session, Duration commandTimeout) {
    this.image = image;
    this.session = session;
    this.commandTimeout = commandTimeout;
  }

  /**
   * Starts the container for {@code image} (upstream {@code DockerRunner.__enter__}, {@code :24-31}).
   *
   * @throws TaggingException {@code IMAGE_NOT_FOUND} when the image is not present, {@code ENGINE_ERROR}
   *     when the container does not start; nothing is left behind
   */
  public static ImageRunner start(ContainerRuntime runtime, String image, Duration commandTimeout) {
    // upstream's container has no CPU limit; the runtime's default (1 CPU) throttles JVM/R start-up
    Limits limits = Limits.defaults().withCpus(Runtime.getRuntime().availableProcessors());
    SandboxSpec spec = SandboxSpec.builder(image).command("sleep", "infinity").trustedImageAsBuilt().limits(limits)
        .label("org.containerops.tool", "image-tagging").build();
    try {
      return new ImageRunner(image, runtime.startSession(spec), commandTimeout);
    } catch (ContainerRuntimeError e) {
      Reason reason = e.reason() == ContainerRuntimeError.Reason.IMAGE_NOT_FOUND ? Reason.IMAGE_NOT_FOUND
          : Reason.ENGINE_ERROR;
      throw new TaggingException(reason, e.getMessage(), null, image, null, null, null, e);
    }
  }

  @Override
  public String image() {
    return image;
  }

  /** The container's id. */
  public String containerId() {
    return session.containerId();
  }

  @Override
  public String exec(String commandLine) {
    List<String> argv;
    try {
      argv = ShellWords.split(commandLine);
    } catch (IllegalArgumentException e) {
      throw new TaggingException(Reason.ENGINE_ERROR, "cannot split command `" + commandLine + "`: " + e.getMessage(),
          null, image, commandLine, null, null, e);
    }
    ExecResult r;
    try {
      r = session.exec(argv, commandTimeout);
    } catch (ContainerRuntimeError e) {
      throw new TaggingException(Reason.ENGINE_ERROR, "command `" + commandLine + "` in " + image + ": "
          + e.getMessage(), null, image, commandLine, null, null, e);
    }
    String out = PythonText.rstrip(decode(r.output(), commandLine));
    if (r.exitCode() != 0) {
      LOG.debug("`{}` in {} failed with exit code {}: {}", commandLine, image, r.exitCode(), out);
      throw new TaggingException(Reason.COMMAND_FAILED, "Command: `" + commandLine + "` failed with exit code "
          + r.exitCode() + " in " + image + lastLine(out), null, image, commandLine, r.exitCode(), out, null);
    }
    LOG.debug("`{}` in {}: {}", commandLine, image, out);
    return out;
  }

  private String decode(byte[] bytes, String commandLine) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new TaggingException(Reason.UNEXPECTED_OUTPUT, "command `" + commandLine + "` in " + image
          + " printed output that is not UTF-8", null, image, commandLine, null, null, e);
    }
  }

  private static String lastLine(String out) {
    String trimmed = out.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    String last = trimmed.substring(trimmed.lastIndexOf('\n') + 1).strip();
    return ": " + (last.length() > 200 ? last.substring(0, 200) + "..." : last);
  }

  /** Removes the container (upstream {@code __exit__}: {@code remove(force=True)}); idempotent. */
  @Override
  public void close() {
    session.close();
  }
}
