package org.containerops.recipe.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one recipe (upstream returns a bare bool, B24).
 *
 * @param recipe the recipe dir, absolute
 * @param status what happened
 * @param packages the packages this run produced, sorted by channel path; empty unless {@link Status#BUILT}
 * @param exitCode the build container's exit code, empty when it did not run to an end
 * @param logTail the last lines of the build output (at most {@link BuilderSpec#logTailLines()}), masked; when
 *     conda-build printed a traceback, also the last lines before it (the build script's own output),
 *     so at most twice that
 * @param message one line saying why it failed, with conda-build's own error line when it printed one
 *     (e.g. {@code build failed with exit code 1: BuildScriptException: Command '[...]' returned non-zero
 *     exit status 3.}); empty when built
 * @param took wall time of the whole recipe (script, container, routing, index)
 * @param commandTook the build command's own time inside the container, when the script reported it
 */
public record BuildResult(Path recipe, Status status, List<BuiltPackage> packages, Optional<Integer> exitCode,
    List<String> logTail, String message, Duration took, Optional<Duration> commandTook) {

  /** What happened to a recipe. */
  public enum Status {
    /** The build exited 0 and produced at least one package, now in the staging channel. */
    BUILT,
    /** The build failed (non-zero exit, timeout, engine error, unreadable output). */
    FAILED,
    /** The build exited 0 but produced no package (upstream: {@code cp} exit 123, B11). */
    NO_PACKAGES,
    /** Not attempted: an earlier recipe failed and {@code failFast} was set. */
    SKIPPED
  }

  /** Copies the lists. */
  public BuildResult {
    packages = List.copyOf(packages);
    logTail = List.copyOf(logTail);
  }

  /** True unless {@link Status#BUILT}. */
  public boolean failed() {
    return status != Status.BUILT;
  }
}
