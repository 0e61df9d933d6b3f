package org.containerops.mirror.layout;

import java.util.Map;

/**
 * One OCI descriptor as upstream writes it: {@code {"mediaType", "size", "digest", "annotations"}}
 * ({@code oras-py@0.1.14: oras/oci.py:89-99}).
 *
 * @param mediaType the layer media type
 * @param size bytes
 * @param digest {@code sha256:<hex>}
 * @param annotations in insertion order; empty for the config (then not written)
 */
public record Descriptor(String mediaType, long size, String digest, Map<String, String> annotations) {
  public Descriptor {
    annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
  }
}
