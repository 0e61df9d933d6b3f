package org.containerops.mirror.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import land.oras.ContainerRef;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.Registry;
import land.oras.Tags;
import land.oras.auth.AuthProvider;
import land.oras.auth.NoAuthProvider;
import land.oras.auth.UsernamePasswordProvider;
import land.oras.exception.OrasException;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.runtime.secret.SecretMask;
import org.containerops.runtime.transfer.TempFiles;
import org.containerops.runtime.transfer.TransferException;
import org.containerops.runtime.transfer.VerifiedInputStream;

/**
 * The registry operations the mirror needs, on oras-java-sdk 0.7.0, each with a timeout and retries
 * on I/O errors and 5xx (never on other 4xx). Repository paths are relative to the address's
 * namespace ({@code conda-forge/noarch/zlib}). Thread-safe; {@link #close()} stops the timer threads.
 */
public final class OciClient implements AutoCloseable {
  /** Largest blob {@link #fetchBlobBytes} reads into memory: 64 MiB. */
  public static final long MAX_IN_MEMORY_BLOB = 64L << 20;
  private static final int PAGE = 1000;
  private final RegistryAddress address;
  private final Limits limits;
  private final RegistryRequests requests;
  private final Registry registry;
  private final RetryingCalls calls;

  /** With {@link Limits#DEFAULT}. @param credentials empty for anonymous access */
  public OciClient(RegistryAddress address, Optional<Credentials> credentials, RetryPolicy retry) {
    this(address, credentials, retry, Limits.DEFAULT);
  }

  /**
   * @param credentials empty for anonymous access
   * @param limits bounds on manifests and repodata read from the registry
   */
  public OciClient(RegistryAddress address, Optional<Credentials> credentials, RetryPolicy retry, Limits limits) {
    this.address = address;
    this.limits = limits;
    this.calls = new RetryingCalls(retry,
        SecretMask.of(credentials.map(c -> List.of(c.password())).orElse(List.of()), Map.of()));
    AuthProvider auth = credentials.<AuthProvider>map(c -> new UsernamePasswordProvider(c.username(), c.password()))
        .orElseGet(NoAuthProvider::new);
    Registry.Builder b = Registry.builder();
    b = credentials.isPresent() ? b.defaults(credentials.get().username(), credentials.get().password())
        : b.withAuthProvider(auth);
    this.registry = b.withInsecure(address.plainHttp()).build();  // not insecure(): it resets auth
    this.requests = new RegistryRequests(auth, address.plainHttp(), address.host(), limits.manifestBytes());
  }

  /** The address this client talks to. */
  public RegistryAddress address() {
    return address;
  }

  /** The bounds this client applies. */
  public Limits limits() {
    return limits;
  }

  /** All tags of a repository (encoded, sorted, every page); empty when the repository does not exist. */
  public TreeSet<String> tags(String repo) throws IOException {
    return call("list tags of " + repo, () -> {
      TreeSet<String> out = new TreeSet<>();
      ContainerRef ref = ref(repo, "latest");
      String last = null;
      try {
        do {
          Tags page = last == null ? registry.getTags(ref) : registry.getTags(ref, PAGE, last);
          if (page.tags() != null) {
            out.addAll(page.tags());
          }
          String next = page.last();
          last = next == null || next.equals(last) ? null : next;
        } while (last != null);
      } catch (OrasException e) {
        if (status(e) == 404) {
          return new TreeSet<>();
        }
        throw e;
      }
      return out;
    });
  }

  /**
   * The layers of {@code repo:tag}, empty when the tag (or repository) does not exist.
   *
   * @throws org.containerops.runtime.transfer.TransferException when the manifest is larger than
   *     {@link Limits#manifestBytes()} (nothing more than the bound is read)
   */
  public Optional<List<Descriptor>> manifest(String repo, String tag) throws IOException {
    return call("get manifest " + repo + ":" + tag, () -> {
      try {
        Optional<String> json = requests.getManifest(ref(repo, tag), address.repository(repo), tag);
        if (json.isEmpty()) {
          return Optional.empty();
        }
        Manifest m = Manifest.fromJson(json.get());
        List<Descriptor> out = new ArrayList<>();
        for (Layer l : m.getLayers()) {
          out.add(new Descriptor(l.getMediaType(), l.getSize() == null ? -1 : l.getSize(), l.getDigest(),
              l.getAnnotations()));
        }
        return Optional.of(out);
      } catch (OrasException e) {
        if (status(e) == 404) {
          return Optional.empty();
        }
        throw e;
      }
    });
  }

  /** True when the blob is in {@code repo} (one HEAD). */
  public boolean blobExists(String repo, String digest) throws IOException {
    return call("check blob " + digest + " in " + repo,
        () -> requests.blobExists(ref(repo, "latest"), address.repository(repo), digest));
  }

  /**
   * Uploads {@code file} as {@code digest}: first one HEAD when {@code mayExist}, then POST + PUT
   * (oras-java's own {@code pushBlob} HEADs again and was not used for this reason, issue 12 §1).
   *
   * @param mayExist false when the blob cannot be there (a repository this run found without tags)
   * @return true when it uploaded, false when the blob was there
   */
  public boolean pushBlob(String repo, Path file, String digest, boolean mayExist) throws IOException {
    if (mayExist && blobExists(repo, digest)) {
      return false;
    }
    call("upload " + file.getFileName() + " to " + repo, () -> {
      requests.upload(ref(repo, "latest"), address.repository(repo), digest, file);
      return null;
    }, Files.size(file));
    return true;
  }

  /** Uploads {@code file} unless the blob is there; true when it uploaded. */
  public boolean pushBlob(String repo, Path file, String digest) throws IOException {
    return pushBlob(repo, file, digest, true);
  }

  /** As {@link #pushBlob(String, Path, String, boolean)} for bytes in memory. */
  public boolean pushBlob(String repo, byte[] data, String digest, boolean mayExist) throws IOException {
    if (mayExist && blobExists(repo, digest)) {
      return false;
    }
    call("upload blob " + digest + " to " + repo, () -> {
      requests.upload(ref(repo, "latest"), address.repository(repo), digest, data);
      return null;
    }, data.length);
    return true;
  }

  /** Uploads {@code data} unless the blob is there; true when it uploaded. */
  public boolean pushBlob(String repo, byte[] data, String digest) throws IOException {
    return pushBlob(repo, data, digest, true);
  }

  /**
   * Puts a blob that {@code fromRepo} (same registry) holds into {@code repo} with one cross-repository
   * mount request; where the registry does not mount, uploads {@code data} instead.
   */
  public void mountBlob(String repo, String digest, String fromRepo, byte[] data) throws IOException {
    call("mount blob " + digest + " from " + fromRepo + " into " + repo, () -> {
      requests.mountOrUpload(ref(repo, "latest"), address.repository(repo), digest, address.repository(fromRepo), data);
      return null;
    });
  }

  /** PUTs the manifest bytes verbatim under {@code repo:tag} (one request; no read-back). */
  public void pushManifest(String repo, String tag, byte[] json) throws IOException {
    call("push manifest " + repo + ":" + tag, () -> {
      requests.putManifest(ref(repo, tag), address.repository(repo), tag, json);
      return null;
    });
  }

  /**
   * Downloads a blob to {@code target} (parents created, written via a {@link TempFiles} temp file in the
   * same dir, so the target gets the umask's permissions) reading exactly {@code size} bytes and checking
   * the digest while streaming: a longer body fails at the first extra byte, a shorter one or another
   * digest at its end ({@link VerifiedInputStream}). {@code size} also extends the timeout (1 s per MiB).
   * On every failure, timeout included, the temp file is removed before this returns.
   *
   * @param size the descriptor's size in bytes; a negative size is refused
   * @throws IOException also when the content does not match size or digest (then nothing is written)
   */
  public void fetchBlob(String repo, String digest, long size, Path target) throws IOException {
    if (size < 0) {
      throw new TransferException("blob " + digest + " of " + repo + ": the descriptor declares no size");
    }
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Set<Path> temps = ConcurrentHashMap.newKeySet();
    Set<InputStream> streams = ConcurrentHashMap.newKeySet();
    try {
      call("download " + digest + " from " + repo, () -> {
        Path tmp = TempFiles.createTemp(dir, target.getFileName().toString());
        temps.add(tmp);
        try {
          InputStream body = registry.fetchBlob(ref(repo, "latest").withDigest(digest));
          streams.add(body);
          try (InputStream in = new VerifiedInputStream(body, size, digest, "blob " + digest + " of " + repo);
              OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
          }
          TempFiles.commit(tmp, target);
          return null;
        } finally {
          TempFiles.discard(tmp);  // no-op after the commit
        }
      }, size);
    } finally {
      // a transfer abandoned at its timeout may still be blocked in a read: close its body (on another
      // thread, a close can block too) and remove its temp file now, not when the read ends
      streams.forEach(in -> calls.async(() -> {
        in.close();
        return null;
      }));
      temps.forEach(TempFiles::discard);
    }
  }

  /**
   * Fetches a small blob (an {@code index.json}, an {@code info.tar.gz}) into memory, checking size and
   * digest; {@code size} as in {@link #fetchBlob}, at most {@link #MAX_IN_MEMORY_BLOB} bytes.
   */
  public byte[] fetchBlobBytes(String repo, String digest, long size) throws IOException {
    if (size < 0 || size > MAX_IN_MEMORY_BLOB) {
      throw new TransferException("blob " + digest + " of " + repo + ": declared size " + size
          + " is not within 0.." + MAX_IN_MEMORY_BLOB + " bytes");
    }
    return call("download " + digest + " from " + repo, () -> {
      try (InputStream in = new VerifiedInputStream(registry.fetchBlob(ref(repo, "latest").withDigest(digest)), size,
          digest, "blob " + digest + " of " + repo)) {
        return in.readAllBytes();
      }
    }, size);
  }

  private ContainerRef ref(String repo, String tag) {
    return ContainerRef.parse(address.host() + "/" + address.repository(repo) + ":" + tag);
  }

  private <T> T call(String what, Callable<T> body) throws IOException {
    return calls.run(what, body, 0);
  }

  private <T> T call(String what, Callable<T> body, long bytes) throws IOException {
    return calls.run(what, body, bytes);
  }

  static int status(OrasException e) {
    return RetryingCalls.status(e);
  }

  @Override
  public void close() {
    calls.close();
  }
}
