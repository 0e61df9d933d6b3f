package org.containerops.mirror.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import land.oras.ContainerRef;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.Registry;
import land.oras.Tags;
import land.oras.auth.NoAuthProvider;
import land.oras.exception.OrasException;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.runtime.secret.SecretMask;

/**
 * The registry operations the mirror needs, on oras-java-sdk 0.7.0, each with a timeout and retries
 * on I/O errors and 5xx (never on other 4xx). Repository paths are relative to the address's
 * namespace ({@code conda-forge/noarch/zlib}). Thread-safe; {@link #close()} stops the timer threads.
 */
public final class OciClient implements AutoCloseable {
  private static final int PAGE = 1000;
  private final RegistryAddress address;
  private final Registry registry;
  private final RetryPolicy retry;
  private final SecretMask mask;
  private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "oci-call");
    t.setDaemon(true);
    return t;
  });

  /** @param credentials empty for anonymous access */
  public OciClient(RegistryAddress address, Optional<Credentials> credentials, RetryPolicy retry) {
    this.address = address;
    this.retry = retry;
    this.mask = SecretMask.of(credentials.map(c -> List.of(c.password())).orElse(List.of()), Map.of());
    Registry.Builder b = Registry.builder();
    b = credentials.isPresent() ? b.defaults(credentials.get().username(), credentials.get().password())
        : b.withAuthProvider(new NoAuthProvider());
    this.registry = b.withInsecure(address.plainHttp()).build();  // not insecure(): it resets auth
  }

  /** The address this client talks to. */
  public RegistryAddress address() {
    return address;
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

  /** The layers of {@code repo:tag}, empty when the tag (or repository) does not exist. */
  public Optional<List<Descriptor>> manifest(String repo, String tag) throws IOException {
    return call("get manifest " + repo + ":" + tag, () -> {
      try {
        Manifest m = registry.getManifest(ref(repo, tag));
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

  /** True when the blob is in {@code repo}. */
  public boolean blobExists(String repo, String digest) throws IOException {
    return call("check blob " + digest + " in " + repo, () -> {
      try {
        registry.fetchBlobDescriptor(ref(repo, "latest").withDigest(digest));
        return true;
      } catch (OrasException e) {
        if (status(e) == 404) {
          return false;
        }
        throw e;
      }
    });
  }

  /** Uploads {@code file} unless the blob is there; true when it uploaded. */
  public boolean pushBlob(String repo, Path file, String digest) throws IOException {
    if (blobExists(repo, digest)) {
      return false;
    }
    call("upload " + file.getFileName() + " to " + repo, () -> registry.pushBlob(ref(repo, "latest"), file, Map.of()),
        java.nio.file.Files.size(file));
    return true;
  }

  /** Uploads {@code data} unless the blob is there; true when it uploaded. */
  public boolean pushBlob(String repo, byte[] data, String digest) throws IOException {
    if (blobExists(repo, digest)) {
      return false;
    }
    call("upload blob " + digest + " to " + repo, () -> registry.pushBlob(ref(repo, "latest"), data));
    return true;
  }

  /** PUTs the manifest bytes verbatim under {@code repo:tag}. */
  public void pushManifest(String repo, String tag, byte[] json) throws IOException {
    String text = new String(json, StandardCharsets.UTF_8);
    call("push manifest " + repo + ":" + tag, () -> registry.pushManifest(ref(repo, tag), Manifest.fromJson(text)));
  }

  /**
   * Downloads a blob to {@code target} (parents created, written via a temp file in the same dir) and
   * checks its sha256 against {@code digest}. {@code size} (bytes, -1 if unknown) extends the timeout.
   *
   * @throws IOException also when the content does not match the digest (then nothing is written)
   */
  public void fetchBlob(String repo, String digest, long size, Path target) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    call("download " + digest + " from " + repo, () -> {
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".part-", ".tmp");
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(registry.fetchBlob(ref(repo, "latest").withDigest(digest)), sha);
            OutputStream out = Files.newOutputStream(tmp)) {
          in.transferTo(out);
        }
        String got = "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        if (!got.equals(digest)) {
          throw new IOException("digest mismatch for " + digest + " from " + repo + ": got " + got);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return null;
      } finally {
        Files.deleteIfExists(tmp);
      }
    }, size);
  }

  /** Fetches a small blob into memory, checking its digest; {@code size} as in {@link #fetchBlob}. */
  public byte[] fetchBlobBytes(String repo, String digest, long size) throws IOException {
    Path tmp = Files.createTempFile("oci-blob-", ".tmp");
    try {
      fetchBlob(repo, digest, size, tmp);
      return Files.readAllBytes(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private ContainerRef ref(String repo, String tag) {
    return ContainerRef.parse(address.host() + "/" + address.repository(repo) + ":" + tag);
  }

  private <T> T call(String what, Callable<T> body) throws IOException {
    return call(what, body, 0);
  }

  /** Runs {@code body} with retries; blob transfers of {@code bytes} get 1 s more per MiB on top of the timeout. */
  private <T> T call(String what, Callable<T> body, long bytes) throws IOException {
    long deadline = retry.timeout().toMillis() + Math.max(0, bytes) / (1024 * 1024) * 1000;
    Throwable last = null;
    for (int attempt = 0; attempt <= retry.delays().size(); attempt++) {
      if (attempt > 0) {
        sleep(retry.delays().get(attempt - 1).toMillis());
      }
      Future<T> f = calls.submit(body);
      try {
        return f.get(deadline, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);
        last = new IOException("timed out after " + deadline + " ms");
      } catch (ExecutionException e) {
        last = e.getCause();
        int status = last instanceof OrasException o ? status(o) : last instanceof IOException ? 0 : -1;
        if (status < 0 && !(last instanceof OrasException)) {
          throw new RegistryCallException(mask.mask(what + ": " + last), 0, null);
        }
        if (!RetryPolicy.retryable(status)) {
          throw new RegistryCallException(mask.mask(what + ": " + describe(last)), status, null);
        }
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.currentThread().interrupt();
        throw new RegistryCallException(what + ": interrupted", 0, null);
      }
    }
    int status = last instanceof OrasException o ? Math.max(status(o), 0) : 0;
    throw new RegistryCallException(mask.mask(what + " failed after " + (retry.delays().size() + 1)
        + " attempts: " + describe(last)), status, null);
  }

  private static String describe(Throwable t) {
    if (t instanceof OrasException o && status(o) > 0) {
      String hint = status(o) == 401 || status(o) == 403
          ? " (unauthorized: set ORAS_USER and ORAS_PASS, or docker login)" : "";
      String error = o.getError() == null ? "" : " " + o.getError().code() + ": " + o.getError().message();
      return "HTTP " + o.getStatusCode() + (o.getMessage() == null ? "" : " " + o.getMessage()) + error + hint;
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return root == t ? msg : msg + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  private static int status(OrasException e) {
    Integer s = e.getStatusCode();
    return s == null || s < 100 ? 0 : s;  // oras uses -1 when there was no response
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
