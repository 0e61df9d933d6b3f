package org.containerops.runtime.transfer;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Reads an OCI blob against its descriptor: exactly {@code expectedSize} bytes whose digest is
 * {@code expectedDigest}, checked while streaming. A body longer than declared fails at the first extra
 * byte (nothing beyond the declared size is taken in); a shorter one, or one with another digest,
 * fails at end of stream. Not thread-safe.
 *
 * <p>OCI image-spec {@code descriptor.md}: "size … MUST be verified"; distribution-spec clients verify
 * the digest of blobs they pull.
 */
public final class VerifiedInputStream extends BoundedStream {
  private final long expectedSize;
  private final String expectedDigest;
  private final String algorithm;
  private final String what;
  private final MessageDigest digest;
  private boolean verified;

  /**
   * @param in the body; closed by {@link #close()}
   * @param expectedSize the descriptor's size in bytes, &gt;= 0
   * @param expectedDigest the descriptor's digest, {@code sha256:<64 hex>} or {@code sha512:<128 hex>}
   * @param what what is read, for the error message (e.g. {@code "blob sha256:… of conda-forge/zlib"})
   * @throws IllegalArgumentException for a negative size or a digest of an unknown algorithm or shape
   */
  public VerifiedInputStream(InputStream in, long expectedSize, String expectedDigest, String what) {
    super(in, expectedSize);
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must be >= 0, got " + expectedSize);
    }
    int colon = expectedDigest == null ? -1 : expectedDigest.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("digest must be <algorithm>:<hex>, got " + expectedDigest);
    }
    this.algorithm = expectedDigest.substring(0, colon).toLowerCase(Locale.ROOT);
    String javaName;
    int hexLength;
    switch (algorithm) {
      case "sha256": javaName = "SHA-256"; hexLength = 64; break;
      case "sha512": javaName = "SHA-512"; hexLength = 128; break;
      default: throw new IllegalArgumentException("digest algorithm not supported: " + expectedDigest);
    }
    String hex = expectedDigest.substring(colon + 1);
    if (hex.length() != hexLength || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("digest is not " + algorithm + ":<" + hexLength + " hex>: " + expectedDigest);
    }
    this.expectedSize = expectedSize;
    this.expectedDigest = algorithm + ":" + hex.toLowerCase(Locale.ROOT);
    this.what = what;
    try {
      this.digest = MessageDigest.getInstance(javaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return whether the whole body was read and matched size and digest */
  public boolean verified() {
    return verified;
  }

  @Override
  TransferException overLimit() {
    return new TransferException(what + ": the body is longer than the declared " + expectedSize + " bytes");
  }

  @Override
  void accepted(byte[] buffer, int offset, int length) {
    digest.update(buffer, offset, length);
  }

  /** @throws TransferException at end of stream on a short body or a wrong digest */
  @Override
  void ended() throws TransferException {
    if (verified) {
      return;
    }
    if (count() != expectedSize) {
      throw new TransferException(what + ": the body ended after " + count() + " of the declared "
          + expectedSize + " bytes");
    }
    String actual = algorithm + ":" + HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expectedDigest)) {
      throw new TransferException(what + ": digest mismatch, declared " + expectedDigest + ", got " + actual);
    }
    verified = true;
  }
}
