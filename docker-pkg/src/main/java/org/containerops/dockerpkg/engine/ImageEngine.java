package org.containerops.dockerpkg.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.containerops.dockerpkg.api.DockerPkgException;

/**
 * What docker-pkg needs from a container engine (upstream drivers.py's {@code DockerDriver}),
 * behind an interface so the build logic can be tested without one. {@link RuntimeImageEngine}
 * implements it on container-runtime. Implementations must be thread-safe: images build in
 * parallel. Every failure is a {@link DockerPkgException} with reason ENGINE and a one-line
 * message that never contains a password.
 */
public interface ImageEngine {

  /** Registry credentials for pull and push. {@link #toString()} hides the password. */
  record Credentials(String username, String password, String registry) {
    @Override
    public String toString() {
      return "Credentials[" + username + "@" + registry + "]";
    }
  }

  /**
   * One {@code docker build}.
   *
   * @param context the build context directory
   * @param dockerfile the Dockerfile's name inside the context
   * @param tag the full label to give the image
   * @param buildArgs {@code --build-arg}s (proxies), may be empty
   * @param limits container limits of the build's RUN steps ({@code memory}, {@code memswap},
   *     {@code cpushares}, {@code cpusetcpus}), may be empty
   * @param network network mode of the RUN steps
   * @param noCache true to ignore the build cache
   * @param labels extra labels of the image (the recorded inputs of {@code docker-pkg plan}), may be empty
   */
  record BuildRequest(Path context, String dockerfile, String tag, Map<String, String> buildArgs,
      Map<String, String> limits, String network, boolean noCache, Map<String, String> labels) {
    public BuildRequest {
      buildArgs = Map.copyOf(buildArgs);
      limits = Map.copyOf(limits);
      labels = Map.copyOf(labels);
    }

    /** A request without extra labels. */
    public BuildRequest(Path context, String dockerfile, String tag, Map<String, String> buildArgs,
        Map<String, String> limits, String network, boolean noCache) {
      this(context, dockerfile, tag, buildArgs, limits, network, noCache, Map.of());
    }
  }

  /**
   * A local image's id and labels.
   *
   * @param id {@code sha256:<hex>}
   * @param labels its labels, empty when none
   */
  record ImageInfo(String id, Map<String, String> labels) {
    public ImageInfo {
      labels = Map.copyOf(labels);
    }
  }

  /**
   * @return id and labels of the local image {@code ref}, empty when the engine does not have it
   *     (the default: an engine that cannot tell)
   */
  default Optional<ImageInfo> inspect(String ref) {
    return Optional.empty();
  }

  /** A local image: its id and every {@code repo:tag} it carries (upstream's {@code RepoTags}). */
  record LocalImage(String id, List<String> repoTags) {
    public LocalImage {
      repoTags = List.copyOf(repoTags);
    }
  }

  /** What a verification command did. */
  record CommandResult(int exitCode, String output) {}

  /** @return whether the engine has the image {@code ref} ({@code repo:tag}) */
  boolean exists(String ref);

  /** Pulls {@code ref}; {@code credentials} may be empty. */
  void pull(String ref, Optional<Credentials> credentials);

  /**
   * Builds an image. Every line of the build output goes to {@code log}.
   *
   * @throws DockerPkgException reason ENGINE when a step fails; the message has the engine's error
   */
  void build(BuildRequest request, Consumer<String> log);

  /**
   * Copies {@code path} (a directory) out of a new, never started container of {@code image} into
   * {@code targetDir}, so that {@code targetDir/<last element of path>} holds its content. The
   * container is removed afterwards, also on failure.
   */
  void copyOut(String image, String path, Path targetDir);

  /**
   * Runs {@code argv} (no shell) in a locked-down container of {@code image}, with {@code mountDir}
   * read-only at {@code mountPath}, the environment {@code env} and network {@code network}. The
   * container is removed afterwards.
   *
   * @return the exit code (non-zero also when the executable is missing) and the merged output
   */
  CommandResult run(String image, Path mountDir, String mountPath, List<String> argv, Map<String, String> env,
      String network, Duration timeout);

  /** Tags {@code source} as {@code repository:tag}. */
  void tag(String source, String repository, String tag);

  /**
   * Pushes {@code repository:tag}. An error reported inside the push stream (e.g. {@code denied})
   * fails the push, unlike upstream's docker-py call.
   */
  void push(String repository, String tag, Optional<Credentials> credentials);

  /** @return the local images with a tag in {@code repository} (no tag: every tag of it) */
  List<LocalImage> list(String repository);

  /**
   * Removes {@code ref} (a {@code repo:tag} untags; the image goes when its last tag does).
   *
   * @return false when it did not exist
   */
  boolean remove(String ref, boolean force);
}
