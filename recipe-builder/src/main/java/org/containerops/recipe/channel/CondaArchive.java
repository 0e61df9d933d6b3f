package org.containerops.recipe.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Reads {@code info/index.json} from a conda package: {@code .conda} (a zip holding
 * {@code info-<name>.tar.zst}) or {@code .tar.bz2} (one bzip2 tar). No extraction to disk.
 */
public final class CondaArchive {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CondaArchive() {}

  /** True for a file name ending in {@code .conda} or {@code .tar.bz2}. */
  public static boolean isPackage(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".conda") || n.endsWith(".tar.bz2");
  }

  /** The name without {@code .conda}/{@code .tar.bz2}, e.g. {@code one-1.0-h1_0}. */
  public static String stem(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".conda") ? n.substring(0, n.length() - 6) : n.substring(0, n.length() - 8);
  }

  /**
   * Reads the package's {@code info/index.json}.
   *
   * @return its fields in file order
   * @throws IOException when the archive is unreadable or has no {@code info/index.json}
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> indexJson(Path file) throws IOException {
    byte[] json = infoFile(file, "info/index.json");
    if (json == null) {
      throw new IOException(file.getFileName() + ": no info/index.json");
    }
    return JSON.readValue(json, LinkedHashMap.class);
  }

  /**
   * Reads one member of the package's {@code info/} part, e.g. {@code info/paths.json}.
   *
   * @return its bytes, or null when the package has no such member
   * @throws IOException when the archive is unreadable
   */
  public static byte[] infoFile(Path file, String member) throws IOException {
    return file.getFileName().toString().endsWith(".conda") ? fromConda(file, member) : fromTarBz2(file, member);
  }

  private static byte[] fromConda(Path file, String member) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        if (entry.getName().startsWith("info-") && entry.getName().endsWith(".tar.zst")) {
          try (InputStream in = new ZstdCompressorInputStream(new BufferedInputStream(zip.getInputStream(entry)))) {
            return fromTar(in, member);
          }
        }
      }
    }
    return null;
  }

  private static byte[] fromTarBz2(Path file, String member) throws IOException {
    try (InputStream in = new BZip2CompressorInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      return fromTar(in, member);
    }
  }

  private static byte[] fromTar(InputStream in, String member) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
      if (name.equals(member)) {
        return tar.readAllBytes();
      }
    }
    return null;
  }
}
