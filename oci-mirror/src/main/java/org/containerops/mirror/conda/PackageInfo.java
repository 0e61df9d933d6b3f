package org.containerops.mirror.conda;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The {@code info/} part of a conda package: {@code info/index.json} verbatim and a deterministic
 * {@code info.tar.gz}.
 *
 * <p>Upstream extracts {@code info/} and runs {@code tar -cvzf info.tar.gz *} inside it
 * ({@code package.py:153-172}, {@code util.py:65-77}): members relative to {@code info/}, directories
 * as entries, top-level dotfiles skipped. We build the same member set but sorted by name, with
 * mtime 0, uid/gid 0, no user/group names, mode 0644 (0755 for directories and executables) and a
 * gzip header with mtime 0, so the same package always gives the same digest (upstream's changes on
 * every push).
 *
 * @param indexJson the bytes of {@code info/index.json}, unchanged
 * @param infoTarGz the {@code info.tar.gz} bytes
 * @param members the member names of {@code info.tar.gz}, sorted, directories ending in {@code /}
 */
public record PackageInfo(byte[] indexJson, byte[] infoTarGz, List<String> members) {
  private static final long MAX_MEMBER = 256L << 20;

  /**
   * Reads the archive fully (so truncation and bad compression are found): for local files with no
   * checksum to trust (push-cache).
   *
   * @throws CorruptPackageException when the archive cannot be read or has no {@code info/index.json}
   * @throws IOException when the file cannot be opened
   */
  public static PackageInfo read(Path archive, ArchiveFormat format) throws IOException {
    return read(archive, format, false);
  }

  /**
   * Reads only as much of the archive as {@code info/} needs (issue 12 §2), for archives already checked
   * against their repodata sha256: a {@code .tar.bz2} whose members start with {@code info/} (the order
   * conda-package-handling writes) is decompressed only up to its first member outside {@code info/};
   * one with another order is read to the end. Of a {@code .conda} only the {@code info-*.tar.zst}
   * member is read.
   *
   * @throws CorruptPackageException as {@link #read(Path, ArchiveFormat)}, for the part that is read
   */
  public static PackageInfo readInfo(Path archive, ArchiveFormat format) throws IOException {
    return read(archive, format, true);
  }

  private static PackageInfo read(Path archive, ArchiveFormat format, boolean infoOnly) throws IOException {
    if (!Files.isRegularFile(archive)) {
      throw new IOException("no such package file: " + archive);
    }
    Map<String, Member> info = new TreeMap<>();
    try {
      if (format == ArchiveFormat.TAR_BZ2) {
        try (InputStream in = new BZip2CompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
          collectInfo(in, info, infoOnly);
        }
      } else {
        readConda(archive, info, infoOnly);
      }
    } catch (IOException | RuntimeException e) {
      throw new CorruptPackageException(archive.getFileName() + ": not a readable " + format.extension()
          + " archive (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    Member index = info.get("index.json");
    if (index == null || index.data == null) {
      throw new CorruptPackageException(archive.getFileName() + ": no info/index.json in the archive", null);
    }
    addParentDirectories(info);
    return new PackageInfo(index.data, tarGz(info), List.copyOf(info.keySet()));
  }

  private static void readConda(Path archive, Map<String, Member> info, boolean infoOnly) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      boolean found = false;
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        if (e.getName().startsWith("info-") && e.getName().endsWith(".tar.zst")) {
          found = true;
          try (InputStream in = new ZstdInputStream(new BufferedInputStream(zip.getInputStream(e)))) {
            collectInfo(in, info, false);
          }
        } else if (e.getName().startsWith("pkg-") && !infoOnly) {
          try (InputStream in = zip.getInputStream(e)) {
            in.transferTo(OutputStreamSink.INSTANCE);  // a truncated entry fails here
          }
        }
      }
      if (!found) {
        throw new IOException("no info-*.tar.zst entry");
      }
    }
  }

  /** @param stopAfterInfo stop at the first member outside {@code info/} when every member before it was in it */
  private static void collectInfo(InputStream raw, Map<String, Member> info, boolean stopAfterInfo) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(raw);
    TarArchiveEntry e;
    boolean onlyInfoSoFar = true;
    while ((e = tar.getNextEntry()) != null) {
      String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
      if (!name.startsWith("info/")) {
        if (stopAfterInfo && onlyInfoSoFar && info.containsKey("index.json")) {
          return;  // conda-package-handling order: info/ first, the rest cannot hold info/ members
        }
        onlyInfoSoFar = onlyInfoSoFar && (name.isEmpty() || name.equals("./"));
        continue;
      }
      if (name.length() == "info/".length()) {
        continue;
      }
      String rel = name.substring("info/".length());
      if (rel.startsWith(".")) {
        continue;  // tar's "*" skips top-level dotfiles
      }
      if (e.isDirectory()) {
        info.put(rel.endsWith("/") ? rel : rel + "/", new Member(null, null, false));
      } else if (e.isSymbolicLink()) {
        info.put(rel, new Member(null, e.getLinkName(), false));
      } else if (e.isFile()) {
        if (e.getSize() > MAX_MEMBER) {
          throw new IOException("info member too large: " + name);
        }
        info.put(rel, new Member(tar.readAllBytes(), null, (e.getMode() & 0100) != 0));
      }
    }
    raw.transferTo(OutputStreamSink.INSTANCE);
  }

  private static void addParentDirectories(Map<String, Member> info) {
    for (String name : new ArrayList<>(info.keySet())) {
      int slash = name.indexOf('/');
      while (slash > 0 && slash < name.length() - 1) {
        info.putIfAbsent(name.substring(0, slash + 1), new Member(null, null, false));
        slash = name.indexOf('/', slash + 1);
      }
    }
  }

  private static byte[] tarGz(Map<String, Member> info) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Map.Entry<String, Member> m : info.entrySet()) {
        Member v = m.getValue();
        TarArchiveEntry e;
        if (m.getKey().endsWith("/")) {
          e = new TarArchiveEntry(m.getKey());
          e.setMode(040755);
        } else if (v.link != null) {
          e = new TarArchiveEntry(m.getKey(), TarArchiveEntry.LF_SYMLINK);
          e.setLinkName(v.link);
          e.setMode(0120777);
        } else {
          e = new TarArchiveEntry(m.getKey());
          e.setMode(v.executable ? 0100755 : 0100644);
          e.setSize(v.data.length);
        }
        e.setModTime(new Date(0));
        e.setIds(0, 0);
        e.setUserName("");
        e.setGroupName("");
        tar.putArchiveEntry(e);
        if (v.data != null) {
          tar.write(v.data);
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // in-memory streams do not fail
    }
    return bytes.toByteArray();
  }

  private record Member(byte[] data, String link, boolean executable) {}
}
