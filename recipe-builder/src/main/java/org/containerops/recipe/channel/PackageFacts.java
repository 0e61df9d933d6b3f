package org.containerops.recipe.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Size and digests of a package file, read in one pass.
 *
 * @param size bytes
 * @param md5 lower-case hex
 * @param sha256 lower-case hex
 */
public record PackageFacts(long size, String md5, String sha256) {
  /** @throws IOException when the file cannot be read */
  public static PackageFacts of(Path file) throws IOException {
    MessageDigest md5;
    MessageDigest sha;
    try {
      md5 = MessageDigest.getInstance("MD5");
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md5.update(buf, 0, n);
        sha.update(buf, 0, n);
        size += n;
      }
    }
    HexFormat hex = HexFormat.of();
    return new PackageFacts(size, hex.formatHex(md5.digest()), hex.formatHex(sha.digest()));
  }
}
