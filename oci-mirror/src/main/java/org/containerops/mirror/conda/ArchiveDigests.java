package org.containerops.mirror.conda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The sha256, md5 and size of one archive, as its layer and repodata record need them, computed in one
 * read (issue 12 §2: archives were hashed twice more after the download).
 *
 * @param sha256 lowercase hex
 * @param md5 lowercase hex
 * @param size bytes
 */
public record ArchiveDigests(String sha256, String md5, long size) {

  /** The OCI digest, {@code sha256:<hex>}. */
  public String digest() {
    return "sha256:" + sha256;
  }

  /** Reads {@code file} once. */
  public static ArchiveDigests of(Path file) throws IOException {
    try (Hashing in = new Hashing(Files.newInputStream(file))) {
      in.transferTo(OutputStream.nullOutputStream());
      return in.digests();
    }
  }

  /** A stream that computes sha256, md5 and the byte count of what is read through it. */
  public static final class Hashing extends DigestInputStream {
    private final MessageDigest md5;
    private long count;

    /** @param in the archive's bytes; closed by {@link #close()} */
    public Hashing(InputStream in) {
      super(new DigestInputStream(in, algorithm("MD5")), algorithm("SHA-256"));
      this.md5 = ((DigestInputStream) this.in).getMessageDigest();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    /** The digests of everything read so far (call once, at the end). */
    public ArchiveDigests digests() {
      HexFormat hex = HexFormat.of();
      return new ArchiveDigests(hex.formatHex(getMessageDigest().digest()), hex.formatHex(md5.digest()), count);
    }

    private static MessageDigest algorithm(String name) {
      try {
        return MessageDigest.getInstance(name);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
