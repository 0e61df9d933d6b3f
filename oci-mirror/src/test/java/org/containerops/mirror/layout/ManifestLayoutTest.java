package org.containerops.mirror.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLayoutTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Compares field by field and in key order: the golden is re-serialised compactly, ours is compact. */
  private static void assertGolden(String golden, byte[] ours) throws IOException {
    try (InputStream in = ManifestLayoutTest.class.getResourceAsStream("/org/containerops/mirror/golden/" + golden)) {
      String expected = MAPPER.writeValueAsString(MAPPER.readTree(in));
      assertEquals(expected, new String(ours, StandardCharsets.UTF_8));
    }
  }

  @Test
  void packageManifestMatchesUpstreamShape() throws IOException {
    String t = "2024.04.15.04.50";
    byte[] m = ManifestLayout.manifest(List.of(
        ManifestLayout.archiveLayer("application/vnd.conda.package.v2", 113421, "sha256:" + "1".repeat(64),
            "0123456789abcdef0123456789abcdef", "mock-2.0.0-py37_1000.conda", t),
        ManifestLayout.titledLayer(ManifestLayout.INFO, 2048, "sha256:" + "2".repeat(64),
            "mock-2.0.0-py37_1000/info.tar.gz", t),
        ManifestLayout.titledLayer(ManifestLayout.INDEX, 300, "sha256:" + "3".repeat(64),
            "mock-2.0.0-py37_1000/info/index.json", t)));
    assertGolden("package-manifest/manifest.json", m);
  }

  @Test
  void repodataManifestMatchesUpstreamShapeWithZstTitleFixed() throws IOException {
    String t = "2024.04.15.04.50";
    byte[] m = ManifestLayout.manifest(List.of(
        ManifestLayout.titledLayer(ManifestLayout.REPODATA, 1001, "sha256:" + "4".repeat(64), "repodata.json", t),
        ManifestLayout.titledLayer(ManifestLayout.REPODATA_ZST, 400, "sha256:" + "5".repeat(64), "repodata.json.zst", t)));
    assertGolden("repodata-manifest/manifest.json", m);
  }

  @Test
  void creationTimeIsUtcInUpstreamFormat() {
    ZonedDateTime berlin = ZonedDateTime.of(2024, 4, 15, 6, 50, 59, 0, ZoneId.of("Europe/Berlin"));
    assertEquals("2024.04.15.04.50", ManifestLayout.creationTime(berlin));
  }

  @Test
  void layersParseBackInOrderWithAnnotations() {
    byte[] m = ManifestLayout.manifest(List.of(ManifestLayout.titledLayer(ManifestLayout.INDEX, 3, "sha256:" + "a".repeat(64),
        "x/info/index.json", "t")));
    List<Descriptor> layers = ManifestLayout.layers(m);
    assertEquals(1, layers.size());
    assertEquals(List.of("creationTime", "org.opencontainers.image.title"), List.copyOf(layers.get(0).annotations().keySet()));
  }
}
