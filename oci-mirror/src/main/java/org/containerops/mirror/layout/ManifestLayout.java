package org.containerops.mirror.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's v0 manifest layout: media types, layer titles and annotations, the empty config, and the
 * manifest JSON bytes ({@code conda_oci_mirror/oras.py:147-207}, {@code oras-py@0.1.14: oras/oci.py:15-21}).
 * Stateless.
 */
public final class ManifestLayout {
  /** Manifest media type (PUT Content-Type). */
  public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  /** Config media type, size 0. */
  public static final String CONFIG = "application/vnd.unknown.config.v1+json";
  /** sha256 of zero bytes: the config digest. */
  public static final String EMPTY_DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  /** The {@code info.tar.gz} layer. */
  public static final String INFO = "application/vnd.conda.info.v1.tar+gzip";
  /** The {@code info/index.json} layer. */
  public static final String INDEX = "application/vnd.conda.info.index.v1+json";
  /** The repodata layer. */
  public static final String REPODATA = "application/vnd.conda.repodata.v1+json";
  /** The zstd-compressed repodata layer. */
  public static final String REPODATA_ZST = "application/vnd.conda.repodata.v1+json+zst";
  /** Layer title annotation. */
  public static final String TITLE = "org.opencontainers.image.title";
  /** Archive md5 annotation. */
  public static final String MD5 = "org.conda.md5";
  /** Creation time annotation (upstream's own key). */
  public static final String CREATION_TIME = "creationTime";
  /** {@code %Y.%m.%d.%H.%M}, as upstream's {@code created_at}, but always UTC. */
  public static final DateTimeFormatter CREATION_FORMAT = DateTimeFormatter.ofPattern("yyyy.MM.dd.HH.mm");
  /** Repodata timestamp tag: UTC {@code YYYY.MM.DD.HH.MM.SS} as the CEP asks (upstream: local, minutes). */
  public static final DateTimeFormatter REPODATA_TAG_FORMAT = DateTimeFormatter.ofPattern("yyyy.MM.dd.HH.mm.ss");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ManifestLayout() {}

  /** The creation time annotation value for now, UTC. */
  public static String creationTime(ZonedDateTime now) {
    return now.withZoneSameInstant(ZoneOffset.UTC).format(CREATION_FORMAT);
  }

  /** Archive layer: title = file name, {@code org.conda.md5} then {@code creationTime} then title. */
  public static Descriptor archiveLayer(String mediaType, long size, String digest, String md5, String fileName,
      String created) {
    Map<String, String> a = new LinkedHashMap<>();
    if (md5 != null) {
      a.put(MD5, md5);
    }
    a.put(CREATION_TIME, created);
    a.put(TITLE, fileName);
    return new Descriptor(mediaType, size, digest, a);
  }

  /** A layer with {@code creationTime} and a title. */
  public static Descriptor titledLayer(String mediaType, long size, String digest, String title, String created) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put(CREATION_TIME, created);
    a.put(TITLE, title);
    return new Descriptor(mediaType, size, digest, a);
  }

  /**
   * The manifest bytes, compact JSON in upstream's key order: {@code schemaVersion}, {@code mediaType},
   * {@code config} (no annotations), {@code layers}, {@code annotations: {}}; no {@code artifactType}.
   */
  public static byte[] manifest(List<Descriptor> layers) {
    ObjectNode m = MAPPER.createObjectNode();
    m.put("schemaVersion", 2);
    m.put("mediaType", MANIFEST);
    m.set("config", descriptor(new Descriptor(CONFIG, 0, EMPTY_DIGEST, Map.of())));
    ArrayNode ls = m.putArray("layers");
    layers.forEach(l -> ls.add(descriptor(l)));
    m.putObject("annotations");
    try {
      return MAPPER.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode descriptor(Descriptor d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("mediaType", d.mediaType());
    n.put("size", d.size());
    n.put("digest", d.digest());
    if (!d.annotations().isEmpty()) {
      ObjectNode a = n.putObject("annotations");
      d.annotations().forEach(a::put);
    }
    return n;
  }

  /**
   * Parses manifest bytes into its layers (annotations in document order).
   *
   * @throws IllegalArgumentException when it is not an image manifest with layers
   */
  public static List<Descriptor> layers(byte[] manifest) {
    JsonNode m;
    try {
      m = MAPPER.readTree(new String(manifest, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("manifest is not JSON: " + e.getOriginalMessage(), e);
    }
    if (m == null || !m.path("layers").isArray()) {
      throw new IllegalArgumentException("manifest has no layers array");
    }
    List<Descriptor> out = new ArrayList<>();
    for (JsonNode l : m.get("layers")) {
      Map<String, String> a = new LinkedHashMap<>();
      l.path("annotations").properties().forEach(e -> a.put(e.getKey(), e.getValue().asText()));
      out.add(new Descriptor(l.path("mediaType").asText(), l.path("size").asLong(), l.path("digest").asText(), a));
    }
    return out;
  }
}
