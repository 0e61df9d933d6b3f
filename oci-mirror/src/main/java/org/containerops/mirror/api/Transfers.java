package org.containerops.mirror.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.containerops.mirror.layout.ManifestLayout;
import org.containerops.mirror.registry.OciClient;

/**
 * Registry writes of one run, counted and reported to the listener. Thread-safe.
 *
 * <p>Concurrent uploads of the same blob into one repository (the empty config shared by every manifest,
 * or identical archives under two tags) made distribution 2.8 refuse the manifest ("manifest blob
 * unknown"); uploads are therefore serialized per repository and digest, and each blob goes into a
 * repository at most once per run.
 *
 * <p>Requests (issue 12 §1): a blob is checked with one HEAD only where it may exist; in a repository
 * this run found without tags ({@link #repositoryIsNew}) it is uploaded without a check. The empty
 * config blob of a new repository is mounted from a repository that already has it (one request)
 * instead of uploaded (two).
 */
final class Transfers {
  final OciClient client;
  final MirrorListener listener;
  final AtomicLong blobs = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong manifests = new AtomicLong();
  private final Set<String> newRepositories = ConcurrentHashMap.newKeySet();
  private final Set<String> done = ConcurrentHashMap.newKeySet();
  private final Map<String, Object> inFlight = new ConcurrentHashMap<>();
  private volatile String emptyBlobSource;

  Transfers(OciClient client, MirrorListener listener) {
    this.client = client;
    this.listener = listener;
  }

  /** Records that {@code repo} had no tags when this run listed them: its blobs are uploaded unchecked. */
  void repositoryIsNew(String repo) {
    newRepositories.add(repo);
  }

  /** Uploads a file unless present; returns the bytes uploaded (0 when it was there). */
  long blob(String repo, Path file, String digest, long size) throws IOException {
    return once(repo, digest, size, mayExist -> client.pushBlob(repo, file, digest, mayExist));
  }

  /** Uploads in-memory data unless present; returns the bytes uploaded. */
  long blob(String repo, byte[] data, String digest) throws IOException {
    return once(repo, digest, data.length, mayExist -> {
      String source = emptyBlobSource;
      if (!mayExist && data.length == 0 && digest.equals(ManifestLayout.EMPTY_DIGEST) && source != null) {
        client.mountBlob(repo, digest, source, data);
        return true;
      }
      boolean uploaded = client.pushBlob(repo, data, digest, mayExist);
      if (data.length == 0 && digest.equals(ManifestLayout.EMPTY_DIGEST)) {
        emptyBlobSource = repo;
      }
      return uploaded;
    });
  }

  private long once(String repo, String digest, long size, Upload upload) throws IOException {
    String key = repo + "@" + digest;
    if (done.contains(key)) {
      return 0;
    }
    Object lock = inFlight.computeIfAbsent(key, k -> new Object());
    synchronized (lock) {
      try {
        if (done.contains(key)) {
          return 0;
        }
        boolean uploaded = upload.run(!newRepositories.contains(repo));
        done.add(key);
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
    boolean run(boolean mayExist) throws IOException;
  }
}
