package org.containerops.mirror.conda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.containerops.mirror.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageInfoTest {
  private static final Path PKG = Fixtures.channel().resolve("noarch/run_exports_versions-1.0-he35c369_0.tar.bz2");

  @Test
  void infoTarGzHasUpstreamMembersRelativeToInfoWithDirectoriesSorted() throws IOException {
    PackageInfo info = PackageInfo.read(PKG, ArchiveFormat.TAR_BZ2);
    // the members `tar tjf` lists under info/ for this fixture, relative to info/, plus the recipe/ directory
    assertEquals(List.of("about.json", "files", "git", "hash_input.json", "index.json", "link.json", "paths.json",
        "recipe/", "recipe/conda_build_config.yaml", "recipe/meta.yaml", "recipe/meta.yaml.template",
        "run_exports.json"), info.members());
    assertEquals(info.members(), tarMembers(info.infoTarGz()));
  }

  @Test
  void indexJsonIsVerbatimFromTheArchive() throws IOException {
    byte[] expected = null;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new BZip2CompressorInputStream(Files.newInputStream(PKG)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (e.getName().equals("info/index.json")) {
          expected = tar.readAllBytes();
        }
      }
    }
    assertArrayEquals(expected, PackageInfo.read(PKG, ArchiveFormat.TAR_BZ2).indexJson());
  }

  @Test
  void infoTarGzIsDeterministicWithZeroMtimesAndIds() throws IOException {
    byte[] a = PackageInfo.read(PKG, ArchiveFormat.TAR_BZ2).infoTarGz();
    byte[] b = PackageInfo.read(PKG, ArchiveFormat.TAR_BZ2).infoTarGz();
    assertArrayEquals(a, b);
    assertEquals(0, a[4] | a[5] | a[6] | a[7], "gzip header mtime is 0");
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(a)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        assertEquals(0, e.getModTime().getTime(), e.getName());
        assertEquals(0, e.getLongUserId());
        assertEquals("", e.getUserName());
      }
    }
  }

  @Test
  void condaArchiveGivesTheSameInfoAsItsTarBz2(@TempDir Path tmp) throws IOException {
    Path conda = TestPackages.condaFromTarBz2(PKG, tmp.resolve("run_exports_versions-1.0-he35c369_0.conda"));
    PackageInfo fromConda = PackageInfo.read(conda, ArchiveFormat.CONDA);
    PackageInfo fromBz2 = PackageInfo.read(PKG, ArchiveFormat.TAR_BZ2);
    assertArrayEquals(fromBz2.indexJson(), fromConda.indexJson());
    assertArrayEquals(fromBz2.infoTarGz(), fromConda.infoTarGz());
  }

  @Test
  void corruptFixturesGiveAClearErrorNamingTheFile() {
    Path bad = Fixtures.corrupt().resolve("noarch/bad_package.tar.bz2");
    CorruptPackageException e = assertThrows(CorruptPackageException.class,
        () -> PackageInfo.read(bad, ArchiveFormat.TAR_BZ2));
    assertTrue(e.getMessage().startsWith("bad_package.tar.bz2: not a readable .tar.bz2 archive"), e.getMessage());
    Path empty = Fixtures.corrupt().resolve("noarch/another_bad_package.conda");
    CorruptPackageException e2 = assertThrows(CorruptPackageException.class,
        () -> PackageInfo.read(empty, ArchiveFormat.CONDA));
    assertTrue(e2.getMessage().startsWith("another_bad_package.conda: not a readable .conda archive"), e2.getMessage());
  }

  @Test
  void truncatedArchiveIsCorrupt(@TempDir Path tmp) throws IOException {
    byte[] all = Files.readAllBytes(PKG);
    Path cut = Files.write(tmp.resolve("x-1.0-0.tar.bz2"), java.util.Arrays.copyOf(all, all.length / 2));
    assertThrows(CorruptPackageException.class, () -> PackageInfo.read(cut, ArchiveFormat.TAR_BZ2));
  }

  private static List<String> tarMembers(byte[] tgz) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        out.add(e.getName());
      }
    }
    return out;
  }
}
