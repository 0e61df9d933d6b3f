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
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.containerops.mirror.conda.CorruptPackageException;
import org.containerops.mirror.conda.RepodataEntry;
import org.containerops.mirror.registry.RetryPolicy;

/**
 * A conda channel to read from: a base URL ({@code https://conda.anaconda.org/conda-forge}, an
 * internal mirror, or {@code file:///srv/channel}) with {@code <subdir>/<file>} below it. HTTP requests
 * have a timeout and are retried on I/O errors and 5xx, never on 4xx (upstream: no timeouts, retries
 * only for packages, {@code package.py:21-67}). Thread-safe.
 */
public final class ChannelSource implements AutoCloseable {
  private final URI base;
  private final RetryPolicy retry;
  private final HttpClient http;

  /** @param base the channel URL, with or without trailing {@code /}; {@code file:} or {@code http(s):} */
  public ChannelSource(URI base, RetryPolicy retry) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    String scheme = this.base.getScheme() == null ? "" : this.base.getScheme();
    if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("channel-url: want file:, http: or https:, got " + base);
    }
    this.retry = retry;
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
   * Copies {@code <subdir>/<file>} to {@code target} (via a temp file beside it).
   *
   * @throws java.nio.file.NoSuchFileException when the channel has no such file (404 or missing)
   * @throws IOException when it cannot be read after retries
   */
  public void fetch(String subdir, String file, Path target) throws IOException {
    URI uri = resolve(subdir, file);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".part-", ".tmp");
    try {
      if (uri.getScheme().equals("file")) {
        Path src = Path.of(uri);
        if (!Files.isRegularFile(src)) {
          throw new java.nio.file.NoSuchFileException(src.toString());
        }
        Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
      } else {
        httpGet(uri, tmp);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Downloads a package and checks size and sha256 (else md5) against its repodata record.
   *
   * @throws CorruptPackageException when size or hash differ (nothing is left at {@code target})
   */
  public void download(String subdir, RepodataEntry entry, Path target) throws IOException {
    fetch(subdir, entry.fileName(), target);
    try {
      long size = Files.size(target);
      if (entry.size() >= 0 && size != entry.size()) {
        throw new CorruptPackageException(entry.fileName() + ": downloaded " + size + " bytes, repodata says "
            + entry.size(), null);
      }
      String algo = entry.sha256() != null ? "SHA-256" : entry.md5() != null ? "MD5" : null;
      if (algo != null) {
        String want = algo.equals("SHA-256") ? entry.sha256() : entry.md5();
        String got = hash(target, algo);
        if (!got.equalsIgnoreCase(want)) {
          throw new CorruptPackageException(entry.fileName() + ": " + algo.toLowerCase(java.util.Locale.ROOT)
              + " " + got + " differs from repodata " + want, null);
        }
      }
    } catch (IOException e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }

  private void httpGet(URI uri, Path tmp) throws IOException {
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
          try (OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
          }
          return;
        }
      } catch (java.nio.file.NoSuchFileException e) {
        throw e;
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
