package org.containerops.dockerpkg.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content hash of everything that determines one image's build (issue 16 §2), part by part:
 *
 * <ul>
 *   <li>{@code dockerfile}: the rendered Dockerfile;
 *   <li>{@code context}: every directory, file (content and executable bit, not mtime) and symbolic
 *       link (its target) of the build context, {@code .dockerignore}d paths excluded;
 *   <li>{@code build-stage}: the rendered {@code Dockerfile.build}, when there is a build stage;
 *   <li>{@code build-args}: the build arguments (the proxy variables);
 *   <li>{@code parent:NAME}: the {@link #hash()} of each parent image of the tree (control
 *       dependencies and {@code image_tag} references), so a change cascades down the chain;
 *   <li>{@code base:REF}: the engine's image id of each other {@code FROM} image, or
 *       {@code unresolved} when the engine does not have it.
 * </ul>
 *
 * Each part is {@code sha256:<hex>} (or the id); {@link #hash()} is the sha256 of the sorted
 * {@code key=value} lines. Immutable.
 *
 * @param parts the parts by key, sorted
 * @param hash {@code sha256:<hex>} over all parts
 */
public record ImageInputs(Map<String, String> parts, String hash) {
  /** Label carrying {@link #hash()} on every image docker-pkg builds. */
  public static final String HASH_LABEL = "org.containerops.docker-pkg.inputs";
  /** Label carrying {@link #encodedParts()}, so a later plan can tell which part changed. */
  public static final String PARTS_LABEL = "org.containerops.docker-pkg.inputs.parts";

  public ImageInputs {
    parts = java.util.Collections.unmodifiableMap(new TreeMap<>(parts));
  }

  /** @return the inputs of {@code parts}, the hash computed */
  public static ImageInputs of(Map<String, String> parts) {
    StringBuilder lines = new StringBuilder();
    new TreeMap<>(parts).forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
    return new ImageInputs(parts, sha256(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** @return {@code sha256:<64 hex>} of {@code bytes} */
  public static String sha256(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** @return a fresh SHA-256 digest */
  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** @return the two labels to put on the built image */
  public Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(HASH_LABEL, hash);
    m.put(PARTS_LABEL, encodedParts());
    return m;
  }

  /** @return the parts as {@code key=value} joined by {@code ;} (keys and values hold neither {@code ;} nor {@code =}) */
  public String encodedParts() {
    StringBuilder b = new StringBuilder();
    parts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(escape(k)).append('=').append(escape(v)));
    return b.toString();
  }

  /**
   * @param labels an image's labels
   * @return the inputs recorded there, or empty when the image has no {@link #HASH_LABEL}
   */
  public static Optional<ImageInputs> fromLabels(Map<String, String> labels) {
    String hash = labels.get(HASH_LABEL);
    if (hash == null) {
      return Optional.empty();
    }
    Map<String, String> parts = new TreeMap<>();
    String encoded = labels.getOrDefault(PARTS_LABEL, "");
    for (String kv : encoded.isEmpty() ? new String[0] : encoded.split(";")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        parts.put(unescape(kv.substring(0, eq)), unescape(kv.substring(eq + 1)));
      }
    }
    return Optional.of(new ImageInputs(parts, hash));
  }

  private static String escape(String s) {
    return s.replace("%", "%25").replace(";", "%3B").replace("=", "%3D");
  }

  private static String unescape(String s) {
    return s.replace("%3D", "=").replace("%3B", ";").replace("%25", "%");
  }
}
