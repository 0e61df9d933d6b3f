package org.containerops.tagging;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import java.util.function.Supplier;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.manifest.ImageSize;
import org.containerops.tagging.merge.MergedTags;
import org.containerops.tagging.registry.ImageReference;

/**
 * The engine's local images as upstream's {@code docker tag} ({@code apply_tags.py}) and
 * {@code docker images} ({@code build_info.py}) calls see them. The runtime is asked for when first
 * needed, so nothing connects before an engine operation.
 */
final class LocalImages {
  private final Supplier<ContainerRuntime> runtime;

  LocalImages(Supplier<ContainerRuntime> runtime) {
    this.runtime = runtime;
  }

  /**
   * {@code docker tag source tag}.
   *
   * @param tag a full reference with a tag, e.g. {@code quay.io/me/img:x86_64-2026-11-22}
   * @throws TaggingException {@code IMAGE_NOT_FOUND} when {@code source} is not present, {@code ENGINE_ERROR}
   *     when the engine fails
   */
  void tag(String source, String tag) {
    ImageReference ref = ImageReference.parse(tag);
    try {
      runtime.get().client().tagImageCmd(source, MergedTags.imagePart(tag), ref.tag()).exec();
    } catch (NotFoundException e) {
      throw new TaggingException(TaggingException.Reason.IMAGE_NOT_FOUND, "cannot tag " + tag + ": image "
          + source + " is not present", null, source, null, null, null, e);
    } catch (RuntimeException e) {
      throw new TaggingException(TaggingException.Reason.ENGINE_ERROR, "cannot tag " + tag + ": " + e.getMessage(),
          null, source, null, null, null, e);
    }
  }

  /** The image's size as {@code docker images} prints it ({@link ImageSize#human}); empty when absent. */
  String humanSize(String image) {
    try {
      Long size = runtime.get().client().inspectImageCmd(image).exec().getSize();
      return size == null ? "" : ImageSize.human(size);
    } catch (NotFoundException e) {
      return ""; // upstream: `docker images` prints nothing
    }
  }

  /**
   * The image's id and repository digests ({@code docker image inspect}).
   *
   * @throws TaggingException {@code IMAGE_NOT_FOUND} when absent
   */
  Identity identity(String image) {
    try {
      var r = runtime.get().client().inspectImageCmd(image).exec();
      return new Identity(r.getId(), r.getRepoDigests() == null ? List.of() : List.copyOf(r.getRepoDigests()));
    } catch (NotFoundException e) {
      throw new TaggingException(TaggingException.Reason.IMAGE_NOT_FOUND, "image " + image + " is not present",
          null, image, null, null, null, e);
    }
  }

  /** An image's engine id ({@code sha256:...}) and repository digests. */
  record Identity(String id, List<String> repoDigests) {}
}
