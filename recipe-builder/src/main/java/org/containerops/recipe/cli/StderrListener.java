package org.containerops.recipe.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildSpec;
import org.containerops.recipe.api.RecipeBuilderListener;

/** Prints progress to stderr in upstream's words; build output as {@code (OUT) line} unless quiet. */
final class StderrListener implements RecipeBuilderListener {
  private final PrintWriter err;
  private final boolean liveLogs;

  StderrListener(PrintWriter err, boolean liveLogs) {
    this.err = err;
    this.liveLogs = liveLogs;
  }

  @Override
  public synchronized void imageBuilding(String tag) {
    err.println("DOCKER: Building image " + tag);
    err.flush();
  }

  @Override
  public synchronized void imageReady(String tag, boolean reused, Duration took) {
    err.println(reused ? "DOCKER: Reusing image " + tag + " (same content)"
        : "DOCKER: Built docker image tag=" + tag + " in " + took.toMillis() + " ms");
    err.flush();
  }

  @Override
  public synchronized void recipeStarted(BuildSpec spec, String command) {
    err.println("BUILD START " + spec.recipeDir() + ": " + command);
    err.flush();
  }

  @Override
  public synchronized void logLine(BuildSpec spec, String line) {
    if (liveLogs) {
      err.println("(OUT) " + line);
      err.flush();
    }
  }

  @Override
  public synchronized void recipeFinished(BuildResult r) {
    if (r.failed() && r.status() != BuildResult.Status.SKIPPED) {
      err.println("BUILD FAILED " + r.recipe() + r.exitCode().map(c -> " (exit " + c + ")").orElse("") + ": "
          + r.message());
      if (!liveLogs && !r.logTail().isEmpty()) {
        err.println("last " + r.logTail().size() + " lines of the build output:");
        r.logTail().forEach(l -> err.println("  " + l));
      }
    }
    err.flush();
  }

  @Override
  public synchronized void warning(String message) {
    err.println("WARNING: " + message);
    err.flush();
  }
}
