package org.containerops.mirror.conda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.containerops.mirror.Fixtures;
import org.junit.jupiter.api.Test;

class RepodataTest {
  private static final Path NOARCH = Fixtures.channel().resolve("noarch/repodata.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsRecordsOfBothSectionsInFileOrder() throws IOException {
    List<RepodataEntry> entries;
    try (InputStream in = Files.newInputStream(NOARCH)) {
      entries = Repodata.read(in);
    }
    assertEquals(2, entries.size());
    RepodataEntry e = entries.get(0);
    assertEquals("run_exports_versions-1.0-he35c369_0.tar.bz2", e.fileName());
    assertEquals("2728e5d4b8c1ad870e247ef63cf1cc1177b617828739745a01637f3f9af2c57a", e.sha256());
    assertEquals(2662, e.size());
    assertEquals("de4ab234a5ff5e1c28516a9fc4a0a903", e.md5());
  }

  @Test
  void filteredWriteKeepsOnlyChosenRecordsAndDropsBaseUrl() throws IOException {
    String src = """
        {"info": {"subdir": "noarch", "base_url": "https://elsewhere"},
         "packages": {"a-1-0.tar.bz2": {"name": "a", "version": "1", "build": "0", "depends": ["x >1"]},
                      "b-1-0.tar.bz2": {"name": "b", "version": "1", "build": "0"}},
         "packages.conda": {"a-1-0.conda": {"name": "a", "version": "1", "build": "0"}},
         "removed": ["old-1-0.tar.bz2"], "repodata_version": 1}""";
    ObjectNode extra = MAPPER.createObjectNode().put("name", "c").put("version", "2").put("build", "1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Repodata.writeFiltered(new ByteArrayInputStream(src.getBytes(StandardCharsets.UTF_8)), "noarch",
        f -> f.startsWith("a-"), Map.of("c-2-1.conda", extra), out);
    JsonNode r = MAPPER.readTree(out.toByteArray());
    assertFalse(r.path("info").has("base_url"));
    assertEquals(List.of("a-1-0.tar.bz2"), names(r.path("packages")));
    assertEquals(List.of("a-1-0.conda", "c-2-1.conda"), names(r.path("packages.conda")));
    assertEquals("x >1", r.path("packages").path("a-1-0.tar.bz2").path("depends").get(0).asText());
    assertEquals("old-1-0.tar.bz2", r.path("removed").get(0).asText());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\n  \"info\": {"), "2-space indent");
  }

  @Test
  void emptySourceGivesAValidEmptyRepodata() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Repodata.writeFiltered(null, "noarch", f -> true, Map.of(), out);
    JsonNode r = MAPPER.readTree(out.toByteArray());
    assertEquals("noarch", r.path("info").path("subdir").asText());
    assertEquals(0, r.path("packages").size());
    assertEquals(1, r.path("repodata_version").asInt());
  }

  @Test
  void recordWithoutNameIsAnError() {
    String src = "{\"packages\": {\"a-1-0.tar.bz2\": {\"version\": \"1\"}}}";
    assertThrows(IOException.class, () -> Repodata.read(new ByteArrayInputStream(src.getBytes(StandardCharsets.UTF_8))));
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
