package org.containerops.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PushResponseItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.LocalRegistry;

/**
 * The engine's images as the release pipeline's glue sees them (what CI does with {@code docker
 * push}/{@code docker pull} between the tools): push and pull with the registry's credentials,
 * remove, and find the images of a namespace. Uses container-runtime's docker-java client, which
 * has no push or pull of its own.
 */
final class EngineImages {
  private final DockerClient client;

  EngineImages(ContainerRuntime runtime) {
    this.client = runtime.client();
  }

  /**
   * Pushes {@code repo:tag} with the registry's credentials.
   *
   * @throws AssertionError when the push stream reports an error or takes over 5 minutes
   */
  void push(String repo, String tag, LocalRegistry registry) throws InterruptedException {
    List<String> errors = new ArrayList<>();
    ResultCallback.Adapter<PushResponseItem> cb = client.pushImageCmd(repo).withTag(tag).withAuthConfig(auth(registry))
        .exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
              errors.add(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
            }
          }
        });
    if (!cb.awaitCompletion(5, TimeUnit.MINUTES)) {
      throw new AssertionError("push of " + repo + ":" + tag + " did not finish in 5 minutes");
    }
    if (!errors.isEmpty()) {
      throw new AssertionError("push of " + repo + ":" + tag + " failed: " + errors);
    }
  }

  /** Pulls {@code repo@digest} with the registry's credentials; fails the test on any error. */
  void pullByDigest(String repo, String digest, LocalRegistry registry) throws InterruptedException {
    if (!client.pullImageCmd(repo).withTag(digest).withAuthConfig(auth(registry))
        .exec(new PullImageResultCallback()).awaitCompletion(5, TimeUnit.MINUTES)) {
      throw new AssertionError("pull of " + repo + "@" + digest + " did not finish in 5 minutes");
    }
  }

  /** The image id of a local reference (tag, {@code repo@digest} or id); empty when absent. */
  Optional<String> id(String reference) {
    try {
      return Optional.of(client.inspectImageCmd(reference).exec().getId());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Removes a local reference (untag, or delete by id/digest), without force; absent is fine. */
  void remove(String reference) {
    try {
      client.removeImageCmd(reference).withForce(false).exec();
    } catch (NotFoundException gone) {
      // nothing to remove
    }
  }

  /**
   * Local images with a tag or digest that contains {@code fragment} (e.g. {@code /<namespace>/}),
   * newest first (children before their bases).
   */
  List<Image> withReference(String fragment) {
    return client.listImagesCmd().withShowAll(false).exec().stream()
        .filter(i -> references(i).stream().anyMatch(r -> r.contains(fragment)))
        .sorted(Comparator.comparing(Image::getCreated, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  /**
   * Removes every local image with a reference containing {@code fragment}: each tag, then each
   * digest-only image; children first, repeated while a removal was refused for a child.
   *
   * @return what could not be removed (empty when all went)
   */
  List<String> removeAll(String fragment) {
    List<String> refused = List.of();
    for (int pass = 0; pass < 3; pass++) {
      List<String> failed = new ArrayList<>();
      for (Image image : withReference(fragment)) {
        List<String> tags = image.getRepoTags() == null ? List.of() : Arrays.stream(image.getRepoTags())
            .filter(t -> !t.equals("<none>:<none>")).toList();
        try {
          if (tags.isEmpty()) {
            remove(image.getId());
          } else {
            tags.forEach(this::remove);
          }
        } catch (ConflictException e) {
          failed.add(image.getId() + " " + references(image) + ": " + e.getMessage());
        }
      }
      refused = failed;
      if (failed.isEmpty()) {
        break;
      }
    }
    return refused;
  }

  /** Tags and digests of an image, {@code <none>} entries dropped. */
  static List<String> references(Image image) {
    List<String> refs = new ArrayList<>();
    if (image.getRepoTags() != null) {
      refs.addAll(Arrays.asList(image.getRepoTags()));
    }
    if (image.getRepoDigests() != null) {
      refs.addAll(Arrays.asList(image.getRepoDigests()));
    }
    refs.removeIf(r -> r.startsWith("<none>"));
    return refs;
  }

  private static AuthConfig auth(LocalRegistry registry) {
    return new AuthConfig().withRegistryAddress(registry.hostPort())
        .withUsername(registry.username().orElse(null)).withPassword(registry.password().orElse(null));
  }
}
