package org.containerops.mirror.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.containerops.mirror.conda.ArchiveDigests;
import org.containerops.mirror.conda.CorruptPackageException;
import org.containerops.mirror.conda.RepodataEntry;
import org.containerops.mirror.registry.Limits;
import org.containerops.mirror.registry.RetryPolicy;
import org.containerops.runtime.transfer.LimitedInputStream;
import org.containerops.runtime.transfer.TempFiles;
import org.containerops.runtime.transfer.TransferException;
import org.containerops.runtime.transfer.VerifiedInputStream;

/**
 * A conda channel to read from: a base URL ({@code https://conda.anaconda.org/conda-forge}, an
 * internal mirror, or {@code file:///srv/channel}) with {@code <subdir>/<file>} below it. HTTP requests
 * have a timeout and are retried on I/O errors and 5xx, never on 4xx (upstream: no timeouts, retries
 * only for packages, {@code package.py:21-67}). Thread-safe.
 */
public final class ChannelSource implements AutoCloseable {
  private final URI base;
  private final RetryPolicy retry;
  private final Limits limits;
  private final HttpClient http;

  /** With {@link Limits#DEFAULT}. @param base as in {@link #ChannelSource(URI, RetryPolicy, Limits)} */
  public ChannelSource(URI base, RetryPolicy retry) {
    this(base, retry, Limits.DEFAULT);
  }

  /**
   * @param base the channel URL, with or without trailing {@code /}; {@code file:} or {@code http(s):}
   * @param limits {@link Limits#repodataBytes()} bounds every {@link #fetch} and packages without a size
   */
  public ChannelSource(URI base, RetryPolicy retry, Limits limits) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    String scheme = this.base.getScheme() == null ? "" : this.base.getScheme();
    if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("channel-url: want file:, http: or https:, got " + base);
    }
    this.retry = retry;
    this.limits = limits;
    this.http = HttpClient.newBuilder().connectTimeout(retry.timeout()).followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** The channel URL for a {@code --channel-url} value: a URL, or a local directory path. */
  public static URI toUri(String channelUrl) {
    if (channelUrl.matches("(?i)(https?|file):.*")) {
      return URI.create(channelUrl);
    }
    return Path.of(channelUrl).toAbsolutePath().normalize().toUri();
  }

  /** The URL of a file of the channel. */
  public URI resolve(String subdir, String file) {
    return base.resolve(subdir + "/" + file);
  }

  /**
   * Copies {@code <subdir>/<file>} to {@code target} (via a {@link TempFiles} temp file beside it, removed
   * on every failure and at JVM exit), at most {@link Limits#repodataBytes()} bytes.
   *
   * @throws java.nio.file.NoSuchFileException when the channel has no such file (404 or missing)
   * @throws TransferException when the body passes the bound
   * @throws IOException when it cannot be read after retries
   */
  public void fetch(String subdir, String file, Path target) throws IOException {
    URI uri = resolve(subdir, file);
    fetch(uri, target, in -> new LimitedInputStream(in, limits.repodataBytes(), uri + " (--max-repodata-bytes)"));
  }

  private void fetch(URI uri, Path target, UnaryOperator<InputStream> bound) throws IOException {
    Path tmp = TempFiles.createTemp(target.toAbsolutePath().getParent(), target.getFileName().toString());
    try {
      if (uri.getScheme().equals("file")) {
        Path src = Path.of(uri);
        if (!Files.isRegularFile(src)) {
          throw new java.nio.file.NoSuchFileException(src.toString());
        }
        try (InputStream in = bound.apply(Files.newInputStream(src)); OutputStream out = Files.newOutputStream(tmp)) {
          in.transferTo(out);
        }
      } else {
        httpGet(uri, tmp, bound);
      }
      TempFiles.commit(tmp, target);
    } finally {
      TempFiles.discard(tmp);  // no-op after the commit
    }
  }

  /**
   * Downloads a package, reading no more than the record's size and checking size and sha256 while
   * streaming ({@link VerifiedInputStream}; md5 when the record has no sha256), and computing the
   * archive's sha256 and md5 in the same pass, so it is never read again to hash it (issue 12 §2).
   *
   * @return the archive's digests
   * @throws TransferException when the body is longer or shorter than the record's size or its sha256
   *     differs (nothing is left at {@code target})
   * @throws CorruptPackageException when only an md5 is known and it differs
   */
  public ArchiveDigests download(String subdir, RepodataEntry entry, Path target) throws IOException {
    URI uri = resolve(subdir, entry.fileName());
    String what = entry.fileName();
    long max = entry.size() >= 0 ? entry.size() : limits.repodataBytes();
    AtomicReference<ArchiveDigests.Hashing> hashing = new AtomicReference<>();
    fetch(uri, target, in -> {
      InputStream bounded = entry.sha256() != null && entry.size() >= 0
          ? new VerifiedInputStream(in, entry.size(), "sha256:" + entry.sha256().toLowerCase(Locale.ROOT), what)
          : new LimitedInputStream(in, max, what);
      ArchiveDigests.Hashing h = new ArchiveDigests.Hashing(bounded);
      hashing.set(h);
      return h;
    });
    ArchiveDigests got = hashing.get().digests();
    try {
      if (entry.size() >= 0 && got.size() != entry.size()) {
        throw new CorruptPackageException(what + ": downloaded " + got.size() + " bytes, repodata says " + entry.size(), null);
      }
      if (entry.sha256() != null && !got.sha256().equalsIgnoreCase(entry.sha256())) {
        throw new CorruptPackageException(what + ": sha256 " + got.sha256() + " differs from repodata " + entry.sha256(), null);
      }
      if (entry.sha256() == null && entry.md5() != null && !got.md5().equalsIgnoreCase(entry.md5())) {
        throw new CorruptPackageException(what + ": md5 " + got.md5() + " differs from repodata " + entry.md5(), null);
      }
    } catch (IOException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    return got;
  }

  private void httpGet(URI uri, Path tmp, UnaryOperator<InputStream> bound) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt <= retry.delays().size(); attempt++) {
      if (attempt > 0) {
        try {
          Thread.sleep(retry.delays().get(attempt - 1).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting to retry " + uri, e);
        }
      }
      try {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(retry.timeout()).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
          if (r.statusCode() == 404) {
            throw new java.nio.file.NoSuchFileException(uri + " (HTTP 404)");
          }
          if (r.statusCode() != 200) {
            last = new IOException("GET " + uri + ": HTTP " + r.statusCode());
            if (!RetryPolicy.retryable(r.statusCode())) {
              throw last;
            }
            continue;
          }
          try (InputStream bounded = bound.apply(in); OutputStream out = Files.newOutputStream(tmp)) {
            bounded.transferTo(out);
          }
          return;
        }
      } catch (java.nio.file.NoSuchFileException | TransferException e) {
        throw e;  // absent, or a body that broke its bound: not retried
      } catch (IOException e) {
        if (last != null && e == last) {
          throw e;
        }
        last = new IOException("GET " + uri + ": " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted: GET " + uri, e);
      }
    }
    throw new IOException(last.getMessage() + " (after " + (retry.delays().size() + 1) + " attempts)", last);
  }

  /** Lowercase hex digest of a file ({@code SHA-256} or {@code MD5}). */
  public static String hash(Path file, String algorithm) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // java.net.http.HttpClient in Java 17 has no close(); nothing to release
  }
}
