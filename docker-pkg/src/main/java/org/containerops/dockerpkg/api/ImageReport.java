package org.containerops.dockerpkg.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What a build run did with one image.
 *
 * @param name short name
 * @param label full label {@code registry/ns/name:tag}
 * @param initialState what the engine and registry had before the run
 * @param outcome what happened
 * @param detail one line: the error, or a note (e.g. verification skipped); may be empty
 * @param took wall time spent on this image
 */
public record ImageReport(String name, String label, ImageState initialState, Outcome outcome, String detail,
    Duration took) {

  /** The states of upstream's ImageFSM (builder.py:18-163). */
  public enum ImageState { TO_BUILD, BUILT, VERIFIED, PUBLISHED, ERROR }

  /** The end of an image's run. */
  public enum Outcome {
    /** Already in the registry (or built locally with nothing to publish): nothing done. */
    UP_TO_DATE(false),
    /** Built and verified; not published (no credentials). */
    BUILT(false),
    /** Verified an image that already existed locally, then published it. */
    PUBLISHED(false),
    /** Built or verified or published failed, see {@link ImageReport#detail()}. */
    FAILED(true),
    /** Not attempted because a dependency failed. */
    SKIPPED(true);

    private final boolean failure;

    Outcome(boolean failure) {
      this.failure = failure;
    }

    /** @return true for FAILED and SKIPPED */
    public boolean isFailure() {
      return failure;
    }
  }

  public ImageReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(initialState, "initialState");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(took, "took");
  }
}
