package org.containerops.tagging.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;

/** Writes a file all at once: to a temp file beside it, then moved over it, so nothing is half-written. */
public final class AtomicWrite {
  private AtomicWrite() {}

  /**
   * Writes {@code text} as UTF-8 to {@code file}, creating its directory.
   *
   * @throws TaggingException {@code IO} naming the file
   */
  public static void text(Path file, String text) {
    Path tmp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new TaggingException(Reason.IO, "cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }
}
