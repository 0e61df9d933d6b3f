package org.containerops.dockerpkg.cli;

import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;

/** Connects to the engine for {@code build} and {@code prune}; a missing engine is a one-line error. */
final class EngineConnection {
  private EngineConnection() {}

  static ContainerRuntime open() {
    try {
      return ContainerRuntime.connect();
    } catch (ContainerRuntimeError e) {
      throw new DockerPkgException(Reason.ENGINE, null, e.getMessage(), e);
    }
  }
}
