package org.containerops.mirror.registry;

/**
 * Upper bounds on metadata read from the network, so a hostile or broken server cannot make the client
 * buffer or store without end (issue 17 §4). Blobs are bounded by their descriptor's size instead.
 *
 * @param manifestBytes most bytes accepted for one manifest (distribution 2.8 refuses to store
 *     manifests over 4 MiB)
 * @param repodataBytes most bytes accepted for one {@code repodata.json}, from a channel or the
 *     registry (decompressed size for the {@code +json+zst} layer); conda-forge's largest is ~300 MB
 */
public record Limits(long manifestBytes, long repodataBytes) {
  /** 4 MiB per manifest, 2 GiB per repodata.json. */
  public static final Limits DEFAULT = new Limits(4L << 20, 2L << 30);

  public Limits {
    if (manifestBytes < 1024) {
      throw new IllegalArgumentException("max-manifest-bytes: want >= 1024, got " + manifestBytes);
    }
    if (repodataBytes < 1024) {
      throw new IllegalArgumentException("max-repodata-bytes: want >= 1024, got " + repodataBytes);
    }
  }
}
