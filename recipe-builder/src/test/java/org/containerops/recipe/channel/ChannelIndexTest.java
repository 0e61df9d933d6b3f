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

    assertEquals(List.of(dir.resolve("repodata.json")), written);
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
