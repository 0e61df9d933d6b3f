package org.containerops.dockerpkg;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.containerops.runtime.ContainerRuntime;

/** Writes small image definitions for tests, in the shape of upstream's tests/fixtures. */
public final class TestImages {
  private TestImages() {}

  /** A changelog with one entry. */
  public static String changelog(String name, String version) {
    return name + " (" + version + ") wikimedia; urgency=medium\n\n  * Initial release.\n\n"
        + " -- Test Author <test@example.org>  Mon, 01 Jan 2024 00:00:00 +0000\n";
  }

  /**
   * Writes {@code dir/Dockerfile.template}, {@code changelog} and, if {@code depends} is not
   * empty, a {@code control} with {@code Depends}.
   */
  public static Path image(Path dir, String name, String version, String template, List<String> depends) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("Dockerfile.template"), template);
      Files.writeString(dir.resolve("changelog"), changelog(name, version));
      if (!depends.isEmpty()) {
        Files.writeString(dir.resolve("control"), "Package: " + name + "\nDepends: " + String.join(", ", depends) + "\n");
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Upstream's tests/fixtures image tree, rewritten: foo-bar 0.0.1, foobar-server 0.0.1~alpha1
   * (depends on foo-bar), upstream-version 1.63.0-1 and upstream-version-extended 1.63.0-1-20241211,
   * the last two rendering {@code ARG UPSTREAM_VERSION=} from their own {@code image_tag}.
   */
  public static Path upstreamFixtures(Path root) {
    image(root.resolve("foo-bar"), "foo-bar", "0.0.1",
        "FROM test\nRUN {{ \"xpenguins\" | apt_install }}\n", List.of());
    image(root.resolve("foobar-server"), "foobar-server", "0.0.1~alpha1",
        "FROM {{ \"foo-bar\" | image_tag }}\n", List.of("foo-bar"));
    image(root.resolve("upstream-version"), "upstream-version", "1.63.0-1",
        "ARG UPSTREAM_VERSION={{ \"upstream-version\" | image_tag | upstream_version }}\n\n", List.of());
    image(root.resolve("upstream-version-extended"), "upstream-version-extended", "1.63.0-1-20241211",
        "ARG UPSTREAM_VERSION={{ \"upstream-version-extended\" | image_tag | upstream_version }}\n\n", List.of());
    return root;
  }

  /**
   * Removes every local image tag in {@code namespace} (a test run's own, e.g. {@code dpit1a2b3c4d})
   * and deletes the test's work tree: the clean-up of the engine ITs.
   */
  public static void cleanUp(ContainerRuntime runtime, String namespace, Path work) throws IOException {
    for (var image : runtime.client().listImagesCmd().exec()) {
      boolean ours = false;
      for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
        if (tag.contains("/" + namespace + "/") || tag.startsWith(namespace + "/")) {
          runtime.client().removeImageCmd(tag).withForce(true).exec();
          ours = true;
        }
      }
      // an image that a rebuild (build --changed) untagged keeps only its pushed repo digest
      for (String digest : image.getRepoDigests() == null ? new String[0] : image.getRepoDigests()) {
        ours |= digest.contains("/" + namespace + "/") || digest.startsWith(namespace + "/");
      }
      if (ours) {
        try {
          runtime.client().removeImageCmd(image.getId()).withForce(true).exec();
        } catch (NotFoundException gone) {
          // removed with its last tag above
        }
      }
    }
    try (Stream<Path> w = Files.walk(work)) {
      w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
