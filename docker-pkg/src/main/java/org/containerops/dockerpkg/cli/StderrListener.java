package org.containerops.dockerpkg.cli;

import java.io.PrintWriter;
import org.containerops.dockerpkg.api.DockerPkgListener;

/** Prints warnings to stderr as {@code docker-pkg: warning: [image: ]message}; thread-safe. */
class StderrListener implements DockerPkgListener {
  private final PrintWriter err;

  StderrListener(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void warning(String image, String message) {
    synchronized (err) {
      err.println("docker-pkg: warning: " + (image == null ? "" : image + ": ") + message);
      err.flush();
    }
  }
}
