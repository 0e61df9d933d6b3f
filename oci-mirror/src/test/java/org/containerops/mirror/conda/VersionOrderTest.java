package org.containerops.mirror.conda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {
  @Test
  void ordersAsCondaDocumentsIncludingVersionsUpstreamCrashedOn() {
    List<String> ascending = List.of("0.4", "0.4.1.rc", "0.4.1", "0.5a1", "0.5b3", "0.5", "0.9.6", "0.960923",
        "1.0", "1.1dev1", "1.1a1", "1.1.0rc1", "1.1", "1.1.post1", "1.2.3.4", "1.10", "2022a", "2022b", "1!0.1");
    for (int i = 0; i + 1 < ascending.size(); i++) {
      String a = ascending.get(i);
      String b = ascending.get(i + 1);
      assertTrue(VersionOrder.of(a).compareTo(VersionOrder.of(b)) < 0, a + " < " + b);
    }
    assertTrue(VersionOrder.of("1.0").compareTo(VersionOrder.of("1.0.0")) == 0);
    assertTrue(VersionOrder.of("1.0_1").compareTo(VersionOrder.of("1.0")) > 0);
  }
}
