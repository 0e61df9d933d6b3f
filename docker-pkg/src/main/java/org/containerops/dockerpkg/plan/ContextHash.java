package org.containerops.dockerpkg.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.containerops.dockerpkg.context.ContextFiles;

/**
 * The {@code context} part of {@link ImageInputs}: what {@code docker build} can see of an image
 * directory ({@link ContextFiles}: {@code .dockerignore} respected, links not followed). Each entry
 * contributes its relative path and kind, a file its content and executable bit, a link its target;
 * modification times, owners and other permission bits do not count.
 */
final class ContextHash {
  private ContextHash() {}

  /**
   * @return {@code sha256:<hex>} over the entries in path order
   * @throws IOException when the directory cannot be walked or a file read
   */
  static String of(Path imageDir) throws IOException {
    MessageDigest all = ImageInputs.digest();
    byte[] buffer = new byte[64 * 1024];
    for (ContextFiles.Entry e : ContextFiles.list(imageDir)) {
      String line = switch (e.kind()) {
        case DIRECTORY -> "D " + e.relative();
        case LINK -> "L " + e.relative() + " -> " + Files.readSymbolicLink(e.source());
        case FILE -> !Files.isRegularFile(e.source(), LinkOption.NOFOLLOW_LINKS) ? "O " + e.relative()
            : "F " + e.relative() + (Files.isExecutable(e.source()) ? " x " : " - ") + fileDigest(e.source(), buffer);
      };
      all.update((line + "\0").getBytes(StandardCharsets.UTF_8));
    }
    return "sha256:" + HexFormat.of().formatHex(all.digest());
  }

  private static String fileDigest(Path file, byte[] buffer) throws IOException {
    MessageDigest d = ImageInputs.digest();
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        d.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
