package org.containerops.tagging.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.registry.ImageReference;
import org.containerops.tagging.registry.MediaTypes;
import org.containerops.tagging.registry.RegistryClient;
import org.containerops.tagging.registry.RegistryClient.Fetched;

/**
 * Builds a multi-platform index from per-platform images already in the registry, through the registry
 * API only: what {@code docker buildx imagetools create SRC... --tag DST} does for upstream
 * ({@code merge_tags.py:107-119}), without buildx. An image manifest contributes one entry whose platform
 * ({@code os}, {@code architecture}, {@code variant}) comes from its config blob; an index contributes its
 * entries. The result is a Docker manifest list when every source is a Docker schema-2 type, an OCI index
 * otherwise. Sources must live in the target's repository (blobs are not copied).
 */
public final class IndexBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexBuilder() {}

  /** The built index: its media type and exact bytes. */
  public record Index(String mediaType, byte[] body) {
    /** The JSON text. */
    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * @param sources platform tags, e.g. {@code 127.0.0.1:5000/o/img:x86_64-latest}, in order
   * @param target the merged tag
   * @throws TaggingException {@code MANIFEST_NOT_FOUND} when a source is missing, {@code REGISTRY} otherwise
   */
  public static Index build(RegistryClient registry, List<String> sources, String target) {
    ImageReference dst = ImageReference.parse(target);
    ArrayNode entries = JSON.createArrayNode();
    boolean allDocker = true;
    for (String source : sources) {
      ImageReference src = ImageReference.parse(source);
      if (!src.registry().equals(dst.registry()) || !src.repository().equals(dst.repository())) {
        throw new TaggingException(Reason.REGISTRY, "cannot merge " + source + " into " + target
            + ": sources must be in the target's repository", null);
      }
      Fetched m = registry.manifest(src).orElseThrow(() -> new TaggingException(Reason.MANIFEST_NOT_FOUND,
          "manifest unknown: " + source, null));
      allDocker &= m.mediaType().startsWith("application/vnd.docker.");
      if (MediaTypes.isIndex(m.mediaType())) {
        m.json().path("manifests").forEach(e -> entries.add(e.deepCopy()));
        continue;
      }
      JsonNode config;
      try {
        JsonNode descriptor = m.json().path("config");
        config = JSON.readTree(registry.blob(src, descriptor.path("digest").asText(),
            descriptor.path("size").isIntegralNumber() ? descriptor.path("size").asLong() : -1));
      } catch (java.io.IOException e) {
        throw new TaggingException(Reason.REGISTRY, "config of " + source + " is not JSON", e);
      }
      ObjectNode entry = entries.addObject();
      entry.put("mediaType", m.mediaType());
      entry.put("digest", m.digest());
      entry.put("size", m.body().length);
      ObjectNode platform = entry.putObject("platform");
      platform.put("architecture", config.path("architecture").asText());
      platform.put("os", config.path("os").asText());
      if (config.hasNonNull("variant")) {
        platform.put("variant", config.get("variant").asText());
      }
    }
    String type = allDocker ? MediaTypes.DOCKER_LIST : MediaTypes.OCI_INDEX;
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", type);
    index.set("manifests", entries);
    try {
      return new Index(type, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
