package org.containerops.mirror.conda;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** Builds real {@code .conda} archives for tests (as conda-package-handling lays them out). */
public final class TestPackages {
  private TestPackages() {}

  /**
   * Writes {@code target} (a {@code .conda}) with the {@code info/} members of a {@code .tar.bz2}
   * and a {@code pkg-*.tar.zst} holding its other members.
   */
  public static Path condaFromTarBz2(Path tarBz2, Path target) throws IOException {
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    ByteArrayOutputStream pkg = new ByteArrayOutputStream();
    try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(tarBz2));
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveOutputStream infoTar = new TarArchiveOutputStream(new ZstdOutputStream(info));
        TarArchiveOutputStream pkgTar = new TarArchiveOutputStream(new ZstdOutputStream(pkg))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        byte[] data = tar.readAllBytes();
        TarArchiveOutputStream out = e.getName().startsWith("info/") ? infoTar : pkgTar;
        out.putArchiveEntry(e);
        out.write(data);
        out.closeArchiveEntry();
      }
    }
    String stem = target.getFileName().toString().replace(".conda", "");
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(target))) {
      put(zip, "metadata.json", "{\"conda_pkg_format_version\": 2}".getBytes(StandardCharsets.UTF_8));
      put(zip, "pkg-" + stem + ".tar.zst", pkg.toByteArray());
      put(zip, "info-" + stem + ".tar.zst", info.toByteArray());
    }
    return target;
  }

  private static void put(ZipArchiveOutputStream zip, String name, byte[] data) throws IOException {
    ZipArchiveEntry e = new ZipArchiveEntry(name);
    zip.putArchiveEntry(e);
    zip.write(data);
    zip.closeArchiveEntry();
  }

  /** Copies a file (fixtures are read-only; tests work on copies in temp dirs). */
  public static Path copy(Path from, Path to) throws IOException {
    try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
      in.transferTo(out);
    }
    return to;
  }
}
