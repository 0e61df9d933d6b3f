package org.containerops.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolJsonTest {

  @Test
  void dumpsWritesOrjsonIndent2WithSortedKeys() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("zeta", List.of(1, 2));
    value.put("alpha", Map.of());
    value.put("mid", List.of());
    value.put("nested", Map.of("b", true, "a", "ü"));
    value.put("none", null);
    // orjson.dumps(value, option=OPT_SORT_KEYS | OPT_INDENT_2) + "\n", written by hand from orjson's format
    String expected = "{\n"
        + "  \"alpha\": {},\n"
        + "  \"mid\": [],\n"
        + "  \"nested\": {\n"
        + "    \"a\": \"ü\",\n"
        + "    \"b\": true\n"
        + "  },\n"
        + "  \"none\": null,\n"
        + "  \"zeta\": [\n"
        + "    1,\n"
        + "    2\n"
        + "  ]\n"
        + "}\n";
    assertEquals(expected, ProtocolJson.dumps(value));
  }

  @Test
  void setsAreEncodedSortedAndDecodedBack() throws IOException {
    Map<String, Object> value = Map.of("package_names", Set.of("llvm", "lit", "libllvm18"));
    String json = ProtocolJson.dumps(value);
    assertEquals("{\n  \"package_names\": {\n    \"__set__\": true,\n    \"elements\": [\n"
        + "      \"libllvm18\",\n      \"lit\",\n      \"llvm\"\n    ]\n  }\n}\n", json);
    Object back = ProtocolJson.loads(json);
    assertEquals(Map.of("package_names", Set.of("llvm", "lit", "libllvm18")), back);
    assertInstanceOf(Set.class, ((Map<?, ?>) back).get("package_names"));
  }

  @Test
  void nestedSetsInsideListsRoundTrip() throws IOException {
    // upstream tests/test_json.py: a set survives dumps -> loads, at any depth
    Map<String, Object> value = Map.of("a", List.of(Set.of(3, 1, 2), Map.of("b", Set.of("x"))));
    assertEquals(value, ProtocolJson.loads(ProtocolJson.dumps(value)));
  }

  @Test
  void anObjectWithSetMarkerFalseStaysAMap() throws IOException {
    Object v = ProtocolJson.loads("{\"__set__\": false, \"elements\": [1]}");
    assertInstanceOf(Map.class, v);
  }

  @Test
  void readTreeRejectsTrailingContent() {
    assertThrows(IOException.class, () -> ProtocolJson.readTree("{\"data\": 1} {\"data\": 2}".getBytes()));
    assertThrows(IOException.class, () -> ProtocolJson.readTree("{\"data\": 1} trailing".getBytes()));
  }

  @Test
  void codePointOrderPutsSupplementaryCharactersAfterBmp() {
    assertTrue(ProtocolJson.compareCodePoints("\uffff", "\ud83d\ude00") < 0);
    assertTrue("\uffff".compareTo("\ud83d\ude00") > 0); // UTF-16 order differs: why the method exists
  }
}
