package org.containerops.dockerpkg.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;

/**
 * Unpacks the tar stream of {@code GET /containers/{id}/archive} (the copy of a container path)
 * into a directory: directories and regular files only, executable bits kept; links and devices
 * are skipped, and an entry that would land outside the directory, lexically or through a symbolic
 * link already in it, is an error.
 */
final class TarExtractor {
  private TarExtractor() {}

  /** @throws IOException on a read or write failure or an entry escaping {@code target} */
  static void extract(InputStream tar, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (root.resolve(e.getName()).normalize().equals(root)) {
          continue;
        }
        Path out;
        try {
          out = ConfinedPath.resolve(root, e.getName());
        } catch (UnsafePathException x) {
          throw new IOException("archive entry " + e.getName() + " points outside " + root + ": " + x.getMessage(), x);
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else if (e.isFile()) {
          Files.createDirectories(out.getParent());
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          if ((e.getMode() & 0100) != 0) {
            out.toFile().setExecutable(true, false);
          }
        }
      }
    }
  }
}
