package org.containerops.recipe.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts are what Python 3's json.dumps(value, indent=2, sort_keys=True) prints. */
class PythonJsonTest {
  @Test
  void sortsKeysIndentsAndEscapesLikePython() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", List.of(1, "two"));
    m.put("a", Arrays.asList(null, true));
    m.put("\u00e9\"q", Map.of());
    m.put("e", List.of());

    assertEquals("""
        {
          "a": [
            null,
            true
          ],
          "e": [],
          "z": [
            1,
            "two"
          ],
          "\\u00e9\\"q": {}
        }""", PythonJson.dumps(m));
  }
}
