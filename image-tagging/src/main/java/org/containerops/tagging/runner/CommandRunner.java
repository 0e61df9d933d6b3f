package org.containerops.tagging.runner;

/**
 * Runs one command line in an image and returns its output: the contract of upstream's
 * {@code DockerRunner.exec_cmd} ({@code tagging/utils/docker_runner.py:44-55}). Taggers and manifests see
 * only this, so they can be tested on recorded output.
 */
public interface CommandRunner {
  /**
   * Runs {@code commandLine}, split like POSIX {@code shlex.split} into argv, without a shell.
   *
   * @return stdout and stderr merged in arrival order, decoded as UTF-8, right-stripped (Python {@code rstrip()})
   * @throws org.containerops.tagging.api.TaggingException {@code COMMAND_FAILED} on a non-zero exit (message
   *     names the image, the command and the exit code), {@code ENGINE_ERROR} when the engine fails
   */
  String exec(String commandLine);

  /** The image commands run in (for error messages). */
  String image();
}
