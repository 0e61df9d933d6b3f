package org.containerops.tagging;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.tagging.git.GitInfo;

/** The test image, fixed inputs and local-tag helpers shared by the ITs. */
public final class TaggingTestImages {
  /** Debian bookworm + python3/pip, OpenJDK 17, r-base-core, and the *-double tools (src/test/images/tagging-tools). */
  public static final String TOOLS = "containerops/test-tagging-tools:latest";
  /**
   * An image as a docker-stacks build leaves it (src/test/images/tagging-trusted): /opt/conda owned by the
   * non-root USER, a conda double that tests writability as conda does and lists packages as JSON, a
   * $HOME-caching tool and a helper script in the image's own /tmp.
   */
  public static final String TRUSTED = "containerops/test-tagging-trusted:latest";
  /** A fixed clock on a whole minute (seconds 00, microseconds 0: the case upstream's old timestamp broke). */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:14:00Z"), ZoneOffset.UTC);
  /** A fixed commit with a two-paragraph message. */
  public static final GitInfo GIT = new GitInfo("8209386950497966c8a9aa446b9a84a5dd78eab5",
      "Remove docker/setup-docker-action usage (#2549)\n\nSecond paragraph line.\n");

  private TaggingTestImages() {}

  /** Tags {@code image} as {@code ref} (repo:tag) locally. */
  public static void tag(ContainerRuntime rt, String image, String ref) {
    int colon = ref.lastIndexOf(':');
    rt.client().tagImageCmd(image, ref.substring(0, colon), ref.substring(colon + 1)).exec();
  }

  /** Removes the local tag {@code ref} (never the image behind it while other tags exist). */
  public static void untag(ContainerRuntime rt, String ref) {
    try {
      rt.client().removeImageCmd(ref).withForce(false).withNoPrune(true).exec();
    } catch (RuntimeException ignored) {
      // already gone
    }
  }
}
