package org.containerops.tagging.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Manifest media types (OCI image spec, Docker image manifest v2 schema 2) and the digest function. */
public final class MediaTypes {
  /** OCI image index. */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  /** OCI image manifest. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  /** Docker manifest list. */
  public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  /** Docker image manifest v2 schema 2. */
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  private MediaTypes() {}

  /** True for an index or manifest list. */
  public static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
  }

  /** {@code sha256:<hex>} of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
