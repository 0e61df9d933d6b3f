package org.containerops.tagging.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.LocalRegistry;
import org.containerops.runtime.testing.RegistryExtension;
import org.containerops.runtime.testing.TestImages;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.TaggingTestImages;
import org.containerops.tagging.api.ApplyTagsSpec;
import org.containerops.tagging.api.MergeTagsResult;
import org.containerops.tagging.api.MergeTagsSpec;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.TargetImage;
import org.containerops.tagging.api.WriteTagsResult;
import org.containerops.tagging.api.WriteTagsSpec;
import org.containerops.tagging.hierarchy.ImageHierarchy;
import org.containerops.tagging.registry.MediaTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply-tags, push, merge-tags and calculate-image-ref against a real local registry (distribution 2.8).
 *
 * <p>The second platform: this engine runs only x86_64 and cannot build or import an arm64 image (20.10
 * ignores {@code --platform} on import). So the aarch64 tags are made in the registry from the pushed
 * x86_64 image: its config blob with {@code "architecture": "arm64", "variant": "v8"} is uploaded and a
 * manifest pointing at that config (same layers) is put under each aarch64 tag, which is what a real
 * arm64 build pushes, apart from the layer contents the merge never reads.
 */
@ExtendWith({EngineExtension.class, RegistryExtension.class})
class ApplyAndMergeIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ImageHierarchy TINY = ImageHierarchy.parse(
      "images:\n  tiny:\n    taggers: [commit_sha_tagger, date_tagger, ubuntu_version_tagger]\n", "test");

  ImageTagging tagging(ContainerRuntime rt, String platform) {
    return ImageTagging.builder().runtime(rt).clock(TaggingTestImages.CLOCK).git(TaggingTestImages.GIT)
        .platform(Platform.of(platform)).hierarchy(TINY).build();
  }

  @Test
  void pushedPlatformTagsMergeIntoAnIndexListingBothPlatforms(ContainerRuntime rt, LocalRegistry reg,
      @TempDir Path dir) throws Exception {
    String repo = reg.hostPort() + "/containerops-test/tiny";
    TargetImage target = new TargetImage(reg.hostPort(), "containerops-test", "tiny", "default");
    Path tags = dir.resolve("tags");
    List<String> local = new ArrayList<>(List.of(repo + ":latest"));
    TaggingTestImages.tag(rt, TestImages.SANDBOX, repo + ":latest");
    try (ImageTagging amd = tagging(rt, "x86_64"); ImageTagging arm = tagging(rt, "arm64")) {
      WriteTagsResult x = amd.writeTagsFile(new WriteTagsSpec(target, tags));
      WriteTagsResult a = arm.writeTagsFile(new WriteTagsSpec(target, tags));
      assertEquals(List.of(repo + ":x86_64-latest", repo + ":x86_64-820938695049", repo + ":x86_64-2026-11-22",
          repo + ":x86_64-ubuntu-12"), x.tags());
      assertEquals(repo + ":aarch64-latest", a.tags().get(0));

      local.addAll(amd.applyTags(new ApplyTagsSpec(target, Platform.of("x86_64"), tags)).applied());
      for (String t : x.tags()) {
        assertTrue(rt.images().exists(t), t + " applied");
        rt.client().pushImageCmd(repo).withTag(t.substring(t.lastIndexOf(':') + 1)).start()
            .awaitCompletion(3, TimeUnit.MINUTES);
      }
      for (int i = 0; i < x.tags().size(); i++) {
        copyAsArm64(reg, repo, tagOf(x.tags().get(i)), tagOf(a.tags().get(i)));
      }

      // Dry run (PUSH_TO_REGISTRY unset): the SHA tag is skipped, nothing is put.
      MergeTagsResult dry = amd.mergeTags(new MergeTagsSpec("tiny", "default", tags, false, Optional.empty()));
      assertEquals(List.of(repo + ":820938695049"), dry.skipped());
      assertEquals(List.of(repo + ":latest", repo + ":2026-11-22", repo + ":ubuntu-12"),
          dry.merged().stream().map(MergeTagsResult.Merged::tag).toList());
      assertTrue(dry.merged().stream().allMatch(m -> m.digest().isEmpty()));
      assertEquals(404, get(reg, "containerops-test/tiny", "ubuntu-12").statusCode());

      MergeTagsResult pushed = amd.mergeTags(new MergeTagsSpec("tiny", "default", tags, true, Optional.empty()));
      assertEquals(4, pushed.merged().size());
      MergeTagsResult.Merged latest = pushed.merged().get(0);
      assertEquals(List.of(repo + ":aarch64-latest", repo + ":x86_64-latest"), latest.platformTags());

      HttpResponse<byte[]> index = get(reg, "containerops-test/tiny", "latest");
      assertEquals(200, index.statusCode());
      JsonNode json = JSON.readTree(index.body());
      assertEquals(MediaTypes.DOCKER_LIST, json.path("mediaType").asText());
      List<String> platforms = new ArrayList<>();
      json.path("manifests").forEach(m -> platforms.add(m.path("platform").path("os").asText() + "/"
          + m.path("platform").path("architecture").asText()));
      assertEquals(List.of("linux/arm64", "linux/amd64"), platforms);
      assertEquals(latest.digest().orElseThrow(), index.headers().firstValue("Docker-Content-Digest").orElseThrow());

      assertEquals(Optional.of(repo + "@" + latest.digest().get()),
          amd.imageRef(new MergeTagsSpec("tiny", "default", tags, true, Optional.empty())));
      String x86Digest = get(reg, "containerops-test/tiny", "x86_64-latest").headers()
          .firstValue("Docker-Content-Digest").orElseThrow();
      assertEquals(Optional.of(repo + "@" + x86Digest), amd.imageRef(new MergeTagsSpec("tiny", "default", tags,
          true, Optional.of(Platform.of("x86_64")))));
    } finally {
      local.forEach(t -> TaggingTestImages.untag(rt, t));
    }
  }

  static String tagOf(String ref) {
    return ref.substring(ref.lastIndexOf(':') + 1);
  }

  static HttpResponse<byte[]> get(LocalRegistry reg, String repository, String reference) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(reg.uri().resolve("/v2/" + repository + "/manifests/" + reference))
        .header("Accept", MediaTypes.DOCKER_LIST + ", " + MediaTypes.OCI_INDEX + ", " + MediaTypes.DOCKER_MANIFEST
            + ", " + MediaTypes.OCI_MANIFEST).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Puts {@code to}: the manifest of {@code from} with its config's architecture set to arm64 (see class doc). */
  static void copyAsArm64(LocalRegistry reg, String repo, String from, String to) throws Exception {
    String repository = repo.substring(repo.indexOf('/') + 1);
    HttpResponse<byte[]> m = get(reg, repository, from);
    assertEquals(200, m.statusCode());
    ObjectNode manifest = (ObjectNode) JSON.readTree(m.body());
    String configDigest = manifest.path("config").path("digest").asText();
    ObjectNode config = (ObjectNode) JSON.readTree(HTTP.send(HttpRequest.newBuilder(reg.uri().resolve("/v2/"
        + repository + "/blobs/" + configDigest)).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
    config.put("architecture", "arm64").put("variant", "v8");
    byte[] configBytes = JSON.writeValueAsBytes(config);
    String digest = MediaTypes.sha256(configBytes);
    HttpResponse<Void> start = HTTP.send(HttpRequest.newBuilder(reg.uri().resolve("/v2/" + repository
        + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(202, start.statusCode());
    URI location = reg.uri().resolve(start.headers().firstValue("Location").orElseThrow());
    String sep = location.toString().contains("?") ? "&" : "?";
    HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(location + sep + "digest=" + digest))
        .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(configBytes))
        .build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(201, put.statusCode());
    ((ObjectNode) manifest.path("config")).put("digest", digest).put("size", configBytes.length);
    HttpResponse<Void> pm = HTTP.send(HttpRequest.newBuilder(reg.uri().resolve("/v2/" + repository + "/manifests/"
        + to)).header("Content-Type", manifest.path("mediaType").asText())
        .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(manifest))).build(),
        HttpResponse.BodyHandlers.discarding());
    assertEquals(201, pm.statusCode());
  }
}
