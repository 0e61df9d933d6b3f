package org.containerops.mirror.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.containerops.mirror.registry.OciClient;

/**
 * Registry writes of one run, counted and reported to the listener. Thread-safe.
 *
 * <p>Concurrent uploads of the same blob into one repository (the empty config shared by every manifest,
 * or identical archives under two tags) made distribution 2.8 refuse the manifest ("manifest blob
 * unknown"); uploads are therefore serialized per repository and digest, and the config blob is uploaded
 * once per repository and run.
 */
final class Transfers {
  final OciClient client;
  final MirrorListener listener;
  final AtomicLong blobs = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong manifests = new AtomicLong();
  private final Set<String> haveEmptyBlob = ConcurrentHashMap.newKeySet();
  private final Map<String, Object> inFlight = new ConcurrentHashMap<>();

  Transfers(OciClient client, MirrorListener listener) {
    this.client = client;
    this.listener = listener;
  }

  /** Uploads a file unless present; returns the bytes uploaded (0 when it was there). */
  long blob(String repo, Path file, String digest, long size) throws IOException {
    return once(repo, digest, size, () -> client.pushBlob(repo, file, digest));
  }

  /** Uploads in-memory data unless present; returns the bytes uploaded. */
  long blob(String repo, byte[] data, String digest) throws IOException {
    return once(repo, digest, data.length, () -> client.pushBlob(repo, data, digest));
  }

  private long once(String repo, String digest, long size, Upload upload) throws IOException {
    if (size == 0 && haveEmptyBlob.contains(repo)) {
      return 0;
    }
    String key = repo + "@" + digest;
    Object lock = inFlight.computeIfAbsent(key, k -> new Object());
    synchronized (lock) {
      try {
        if (size == 0 && haveEmptyBlob.contains(repo)) {
          return 0;
        }
        boolean uploaded = upload.run();
        if (size == 0) {
          haveEmptyBlob.add(repo);
        }
        return uploaded ? counted(repo, digest, size) : 0;
      } finally {
        inFlight.remove(key, lock);
      }
    }
  }

  void manifest(String repo, String tag, byte[] json) throws IOException {
    client.pushManifest(repo, tag, json);
    manifests.incrementAndGet();
    listener.manifestPushed(repo + ":" + tag);
  }

  private long counted(String repo, String digest, long size) {
    blobs.incrementAndGet();
    bytes.addAndGet(size);
    listener.blobUploaded(repo, digest, size);
    return size;
  }

  @FunctionalInterface
  private interface Upload {
    boolean run() throws IOException;
  }
}
