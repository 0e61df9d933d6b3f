package org.containerops.recipe.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native index against conda-index's own output: the fixture channel is conda-index's
 * {@code tests/index_data/packages} (packages plus the repodata.json conda-index wrote for them).
 */
class ChannelIndexTest {
  private static final Path CHANNEL = Path.of(System.getProperty("containerops.fixtures"), "conda", "channel");

  @ParameterizedTest
  @ValueSource(strings = {"noarch", "osx-64"})
  void repodataMatchesConfaIndexOutputByteForByte(String subdir, @TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(subdir));
    try (Stream<Path> s = Files.list(CHANNEL.resolve(subdir))) {
      for (Path p : s.filter(CondaArchive::isPackage).toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    List<Path> written = new ArrayList<>();
    ChannelIndex.index(tmp, Set.of(subdir), written::add);

    assertEquals(List.of(dir.resolve("repodata.json"), dir.resolve("repodata_from_packages.json")), written);
    assertEquals(Files.readString(CHANNEL.resolve(subdir).resolve("repodata_from_packages.json")),
        Files.readString(dir.resolve("repodata_from_packages.json")));
    assertEquals(Files.readString(CHANNEL.resolve(subdir).resolve("repodata.json")),
        Files.readString(dir.resolve("repodata.json")));
  }

  @Test
  void emptySubdirGetsAnEmptyButValidRepodata(@TempDir Path tmp) throws IOException {
    ChannelIndex.index(tmp, Set.of("linux-64"), p -> {});

    assertEquals("""
        {
          "info": {
            "subdir": "linux-64"
          },
          "packages": {},
          "packages.conda": {},
          "removed": [],
          "repodata_version": 1
        }
        """, Files.readString(tmp.resolve("linux-64/repodata.json")));
  }

  @Test
  void everyStaleIndexFileConda_indexWroteIsReplacedOrRemoved(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("noarch"));
    Files.createDirectories(tmp.resolve("osx-64"));
    List<String> stale = new ArrayList<>();
    for (String name : List.of("repodata.json", "repodata.json.bz2", "repodata.json.zst", "current_repodata.json",
        "current_repodata.json.bz2", "current_repodata.json.zst", "repodata_from_packages.json",
        "repodata_from_packages.json.bz2", "repodata_from_packages.json.zst", "run_exports.json", "index.html")) {
      Files.writeString(dir.resolve(name), "{\"stale\": true}");
      stale.add("noarch/" + name);
    }
    for (String name : List.of("channeldata.json", "index.html", "rss.xml")) {
      Files.writeString(tmp.resolve(name), "stale");
    }
    Files.writeString(tmp.resolve("osx-64/current_repodata.json"), "untouched subdir");
    Files.setPosixFilePermissions(dir.resolve("repodata.json"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Path probe = Files.createFile(tmp.resolve("umask-probe"));

    ChannelIndex.index(tmp, Set.of("noarch"), p -> {});

    try (Stream<Path> s = Files.walk(tmp)) {
      assertEquals(List.of("noarch/repodata.json", "noarch/repodata_from_packages.json", "osx-64/current_repodata.json",
          "umask-probe"), s.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()).sorted().toList(),
          "fresh repodata, nothing stale, no temp file; a subdir not indexed is left alone");
    }
    assertTrue(Files.readString(dir.resolve("repodata.json")).contains("\"packages.conda\": {}"));
    assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(dir.resolve("repodata.json")),
        "the process umask's permissions, not 0600");
  }

  @Test
  void corruptPackageIsNamedInTheError(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("noarch"));
    Path corrupt = Path.of(System.getProperty("containerops.fixtures"), "conda", "corrupt", "noarch");
    try (Stream<Path> s = Files.list(corrupt)) {
      for (Path p : s.filter(CondaArchive::isPackage).toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    IOException e = assertThrows(IOException.class, () -> ChannelIndex.index(tmp, Set.of("noarch"), p -> {}));
    assertTrue(e.getMessage().contains("cannot index " + dir), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("repodata.json")), "nothing half-written");
  }
}
