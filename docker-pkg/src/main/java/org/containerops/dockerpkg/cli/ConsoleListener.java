package org.containerops.dockerpkg.cli;

import java.io.PrintWriter;
import org.containerops.dockerpkg.api.ImageReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a build or prune run the way upstream does (cli.py:210-255): steps and per-image results
 * on stdout, warnings on stderr ({@code docker-pkg: warning: …}), the engine's build output to
 * SLF4J at INFO (shown with {@code --info}/{@code --debug}). Thread-safe.
 */
final class ConsoleListener extends StderrListener {
  private static final Logger BUILD_LOG = LoggerFactory.getLogger("org.containerops.dockerpkg.build");
  private final PrintWriter out;

  ConsoleListener(PrintWriter out, PrintWriter err) {
    super(err);
    this.out = out;
  }

  @Override
  public synchronized void step(String image, String message) {
    out.println(image == null ? "== " + message + " ==" : "  " + image + ": " + message);
    out.flush();
  }

  @Override
  public void buildLog(String image, String line) {
    BUILD_LOG.info("{}: {}", image, line);
  }

  @Override
  public synchronized void imageDone(ImageReport r) {
    String took = String.format("%.1f s", r.took().toMillis() / 1000.0);
    switch (r.outcome()) {
      case BUILT -> out.println("* Built image " + r.label() + " (" + took + ")");
      case PUBLISHED -> out.println((r.initialState() == ImageReport.ImageState.TO_BUILD ? "* Built image " : "* Verified image ")
          + r.label() + " (" + took + ")\nSuccessfully published image " + r.label());
      case UP_TO_DATE -> out.println("* Up to date: " + r.label() + " (" + r.detail() + ")");
      case FAILED -> out.println(" ERROR: image " + r.name() + " failed: " + r.detail());
      case SKIPPED -> out.println(" SKIPPED: image " + r.name() + ": " + r.detail());
    }
    out.flush();
  }

  @Override
  public synchronized void pruned(String image, String ref) {
    out.println("  removed " + ref);
    out.flush();
  }
}
