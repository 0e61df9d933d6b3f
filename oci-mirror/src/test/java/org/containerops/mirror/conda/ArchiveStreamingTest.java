package org.containerops.mirror.conda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.containerops.mirror.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §2 on real multi-MB archives built here: {@link PackageInfo#readInfo} stops decompressing a
 * {@code .tar.bz2} after its leading {@code info/} members (proved by a tail that is cut off: the full
 * read fails on it, the info read does not), reads on when the order does not allow stopping, and reads
 * only the {@code info-*.tar.zst} member of a {@code .conda}; {@link ArchiveDigests} hashes in one pass.
 */
class ArchiveStreamingTest {
  private static final byte[] INDEX = "{\"name\": \"big\", \"version\": \"1.0\", \"build\": \"0\", \"subdir\": \"noarch\"}"
      .getBytes(StandardCharsets.UTF_8);
  private static final int PAYLOAD = 3 << 20;

  /**
   * A .tar.bz2 with the members in the given order; the payload is incompressible. Compressed by the
   * system's {@code bzip2 -1} (commons-compress's encoder takes a minute for this on a loaded machine).
   */
  private static Path tarBz2(Path file, Map<String, byte[]> members) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(plain)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(m.getKey());
        e.setSize(m.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(m.getValue());
        tar.closeArchiveEntry();
      }
    }
    Process p = new ProcessBuilder("bzip2", "-1", "-c").redirectOutput(file.toFile()).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(plain.toByteArray());
    }
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("bzip2 failed for " + file);
    }
    return file;
  }

  private static byte[] payload() {
    byte[] b = new byte[PAYLOAD];
    new Random(12).nextBytes(b);
    return b;
  }

  /** Cuts {@code file} to 60 % of its length: the compressed tail with the payload's end is gone. */
  private static Path cut(Path file, Path to) throws IOException {
    byte[] all = Files.readAllBytes(file);
    return Files.write(to, java.util.Arrays.copyOf(all, all.length * 6 / 10));
  }

  @Test
  void infoFirstTarBz2IsReadOnlyUpToItsInfoMembers(@TempDir Path dir) throws Exception {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("info/index.json", INDEX);
    members.put("info/paths.json", "{}".getBytes(StandardCharsets.UTF_8));
    members.put("lib/big.bin", payload());
    Path whole = tarBz2(dir.resolve("big-1.0-0.tar.bz2"), members);
    assertTrue(Files.size(whole) > 3_000_000, "multi-MB: " + Files.size(whole));
    PackageInfo full = PackageInfo.read(whole, ArchiveFormat.TAR_BZ2);
    PackageInfo info = PackageInfo.readInfo(whole, ArchiveFormat.TAR_BZ2);
    assertArrayEquals(full.infoTarGz(), info.infoTarGz(), "same info.tar.gz either way");
    assertArrayEquals(INDEX, info.indexJson());

    Path truncated = cut(whole, dir.resolve("cut-1.0-0.tar.bz2"));
    assertArrayEquals(full.infoTarGz(), PackageInfo.readInfo(truncated, ArchiveFormat.TAR_BZ2).infoTarGz(),
        "the info read never reaches the missing tail");
    assertThrows(CorruptPackageException.class, () -> PackageInfo.read(truncated, ArchiveFormat.TAR_BZ2),
        "the full read (push-cache) still finds it");
  }

  @Test
  void infoAfterOtherMembersIsReadToTheEnd(@TempDir Path dir) throws Exception {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("lib/big.bin", payload());
    members.put("info/index.json", INDEX);
    members.put("info/about.json", "{}".getBytes(StandardCharsets.UTF_8));
    Path whole = tarBz2(dir.resolve("late-1.0-0.tar.bz2"), members);
    assertEquals(List.of("about.json", "index.json"), PackageInfo.readInfo(whole, ArchiveFormat.TAR_BZ2).members());
    Path truncated = cut(whole, dir.resolve("cut-1.0-0.tar.bz2"));
    assertThrows(CorruptPackageException.class, () -> PackageInfo.readInfo(truncated, ArchiveFormat.TAR_BZ2));
  }

  @Test
  void condaIsReadOnlyThroughItsInfoMember(@TempDir Path dir) throws Exception {
    Path fixture = Fixtures.channel().resolve("noarch/run_exports_versions-1.0-he35c369_0.tar.bz2");
    Path good = TestPackages.condaFromTarBz2(fixture, dir.resolve("run_exports_versions-1.0-he35c369_0.conda"));
    // the same members, the pkg member 64 MiB (deflated to little) and damaged in its middle
    Path odd = dir.resolve("odd-1.0-0.conda");
    String pkgName;
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(odd));
        ZipFile in = ZipFile.builder().setPath(good).get()) {
      pkgName = null;
      for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
        out.putArchiveEntry(new ZipArchiveEntry(e.getName()));
        if (e.getName().startsWith("pkg-")) {
          pkgName = e.getName();
          byte[] zeros = new byte[1 << 20];
          for (int i = 0; i < 64; i++) {
            out.write(zeros);
          }
        } else {
          try (var s = in.getInputStream(e)) {
            s.transferTo(out);
          }
        }
        out.closeArchiveEntry();
      }
    }
    byte[] bytes = Files.readAllBytes(odd);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(pkgName) + pkgName.length() + 20_000;
    java.util.Arrays.fill(bytes, at, at + 4096, (byte) 0x5a);
    Files.write(odd, bytes);
    assertArrayEquals(PackageInfo.read(good, ArchiveFormat.CONDA).infoTarGz(),
        PackageInfo.readInfo(odd, ArchiveFormat.CONDA).infoTarGz(), "the damaged pkg member is never read");
    assertThrows(CorruptPackageException.class, () -> PackageInfo.read(odd, ArchiveFormat.CONDA),
        "the full read finds the damage");
  }

  @Test
  void fixturePackagesGiveTheSameInfoEitherWayAndDigestsInOnePass() throws Exception {
    try (Stream<Path> s = Files.list(Fixtures.channel().resolve("noarch"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".tar.bz2")).toList()) {
        assertArrayEquals(PackageInfo.read(p, ArchiveFormat.TAR_BZ2).infoTarGz(),
            PackageInfo.readInfo(p, ArchiveFormat.TAR_BZ2).infoTarGz(), p.toString());
        ArchiveDigests d = ArchiveDigests.of(p);
        byte[] bytes = Files.readAllBytes(p);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), d.sha256());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)), d.md5());
        assertEquals(bytes.length, d.size());
      }
    }
  }
}
