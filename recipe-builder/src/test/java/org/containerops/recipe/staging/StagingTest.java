package org.containerops.recipe.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.containerops.recipe.api.BuiltPackage;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 §1 and §6 for the staging channel: names the build chose are confined; files follow the umask. */
class StagingTest {
  @TempDir Path tmp;

  /** A .tar.bz2 package holding only info/index.json with these fields. */
  private static Path pkg(Path dir, String file, String name, String subdir) throws IOException {
    byte[] index = ("{\"name\": \"" + name + "\", \"version\": \"1.0\", \"build\": \"0\", \"subdir\": \"" + subdir + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    Path p = dir.resolve(file);
    try (OutputStream out = Files.newOutputStream(p);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new BZip2CompressorOutputStream(out))) {
      TarArchiveEntry e = new TarArchiveEntry("info/index.json");
      e.setSize(index.length);
      tar.putArchiveEntry(e);
      tar.write(index);
      tar.closeArchiveEntry();
    }
    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return p;
  }

  private Staging staging(Path root) {
    return Staging.open(root, HostUser.current(), List.of(), List.of("noarch"), "test");
  }

  @Test
  void aSubdirThatLeavesTheChannelIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path root = tmp.resolve("channel");
    try (Staging s = staging(root)) {
      Path out = s.newOutputDir();
      pkg(out, "evil-1.0-0.tar.bz2", "evil", "..");

      RecipeBuilderException e = assertThrows(RecipeBuilderException.class, () -> s.route(out));
      assertEquals(Reason.BAD_PACKAGE, e.reason());
      assertTrue(e.getMessage().contains("'..'") && e.getMessage().contains("not a conda subdir name"), e.getMessage());
      try (Stream<Path> all = Files.walk(tmp)) {
        assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("evil") && !p.startsWith(out)).toList());
      }
    }
  }

  @Test
  void aFileNameOutsideTheCondaGrammarIsRefused() throws IOException {
    try (Staging s = staging(tmp.resolve("channel"))) {
      Path out = s.newOutputDir();
      pkg(out, "-x-1.0-0.tar.bz2", "-x", "noarch");

      RecipeBuilderException e = assertThrows(RecipeBuilderException.class, () -> s.route(out));
      assertEquals(Reason.BAD_PACKAGE, e.reason());
      assertTrue(e.getMessage().contains("-x-1.0-0.tar.bz2"), e.getMessage());
      assertTrue(Files.notExists(tmp.resolve("channel/noarch/-x-1.0-0.tar.bz2")));
    }
  }

  @Test
  void placedPackagesAndIndexFollowTheUmaskNot0600() throws IOException {
    Path root = tmp.resolve("channel");
    Path probe = Files.createFile(tmp.resolve("umask-probe"));
    try (Staging s = staging(root)) {
      Path out = s.newOutputDir();
      pkg(out, "good-1.0-0.tar.bz2", "good", "linux-64");

      List<BuiltPackage> placed = s.route(out);

      assertEquals(List.of("linux-64/good-1.0-0.tar.bz2"), placed.stream().map(BuiltPackage::channelPath).toList());
      for (Path f : List.of(root.resolve("linux-64/good-1.0-0.tar.bz2"), root.resolve("linux-64/repodata.json"),
          root.resolve("noarch/repodata.json"))) {
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(f), f.toString());
      }
      try (Stream<Path> all = Files.list(root.resolve("linux-64"))) {
        assertEquals(List.of("good-1.0-0.tar.bz2", "repodata.json", "repodata_from_packages.json"),
            all.map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left");
      }
      DirectoryTree.delete(out);
    }
  }
}
