package org.containerops.tagging.manifest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.containerops.tagging.git.GitInfo;

/**
 * The {@code ## Build Info} header: upstream's {@code build_info_manifest} ({@code tagging/manifests/build_info.py:28-55}).
 *
 * @param registry e.g. {@code quay.io} or {@code 127.0.0.1:5000}
 * @param owner e.g. {@code jupyter}
 * @param image short image name
 * @param repository GitHub {@code owner/name} for the commit link
 * @param buildTimestamp see {@link #timestamp(Instant)}
 * @param imageSize the {@code docker images} SIZE text, see {@link ImageSize}
 * @param git the commit
 */
public record BuildInfo(String registry, String owner, String image, String repository, String buildTimestamp,
    String imageSize, GitInfo git) {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The build timestamp: UTC, seconds, {@code Z}, always 20 characters (upstream's fix {@code f1297bef}; the
   * old {@code isoformat()[:-13]} corrupted it when microseconds were 0).
   */
  public static String timestamp(Instant now) {
    return TIMESTAMP.format(now.truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code registry/owner/image}, no tag. */
  public String fullImage() {
    return registry + "/" + owner + "/" + image;
  }

  /** The piece: one section, the commit message substituted verbatim (multi-line kept). */
  public MarkdownPiece piece() {
    String text = "- Build timestamp: " + buildTimestamp + "\n"
        + "- Docker image: `" + fullImage() + ":" + git.commitHashTag() + "`\n"
        + "- Docker image size: " + imageSize + "\n"
        + "- Git commit SHA: [" + git.commitHash() + "](https://github.com/" + repository + "/commit/"
        + git.commitHash() + ")\n"
        + "- Git commit message:\n"
        + "\n"
        + "```text\n"
        + git.commitMessage() + "\n"
        + "```";
    return new MarkdownPiece("## Build Info", List.of(text));
  }
}
