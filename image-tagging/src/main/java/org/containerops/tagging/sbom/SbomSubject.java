package org.containerops.tagging.sbom;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.containerops.tagging.git.GitInfo;

/**
 * What the SBOM describes: the image and the commit it was built from.
 *
 * @param image the image without tag, e.g. {@code quay.io/jupyter/base-notebook}
 * @param imageId the engine's image id (config digest), e.g. {@code sha256:0f3a...}
 * @param repoDigests the image's repository digests ({@code name@sha256:...}), empty when never pushed or pulled
 * @param git the commit
 * @param repository GitHub {@code owner/name} for the commit link
 * @param buildTimestamp when the manifest was built (the manifest's Build timestamp), whole seconds
 */
public record SbomSubject(String image, String imageId, List<String> repoDigests, GitInfo git, String repository,
    Instant buildTimestamp) {
  /** Checks the fields. */
  public SbomSubject {
    Objects.requireNonNull(image, "image");
    if (imageId == null || !imageId.matches("sha256:[0-9a-f]{64}")) {
      throw new IllegalArgumentException("imageId: want sha256:<64 hex>, got " + imageId);
    }
    repoDigests = List.copyOf(repoDigests);
    Objects.requireNonNull(git, "git");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(buildTimestamp, "buildTimestamp");
  }
}
