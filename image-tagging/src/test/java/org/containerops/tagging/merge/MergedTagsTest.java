package org.containerops.tagging.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedTagsTest {
  @Test
  void tagsOfBothPlatformsMergeInAarch64FirstOrder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x86_64-default-img.txt"), "q.io/o/img:x86_64-latest\nq.io/o/img:x86_64-2026-11-22");
    Files.writeString(dir.resolve("aarch64-default-img.txt"), "q.io/o/img:aarch64-latest\nq.io/o/img:aarch64-2026-11-21\n");
    Map<String, Set<String>> m = MergedTags.read(dir, "img", "default");
    assertEquals(List.of("q.io/o/img:latest", "q.io/o/img:2026-11-21", "q.io/o/img:2026-11-22"), List.copyOf(m.keySet()));
    assertEquals(List.of("aarch64", "x86_64"), List.copyOf(m.get("q.io/o/img:latest")));
    assertEquals(Set.of("x86_64"), m.get("q.io/o/img:2026-11-22"));
  }

  @Test
  void variantTagsMergeToVariantTags(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x86_64-cuda12-img.txt"), "q.io/o/img:x86_64-cuda12-latest");
    assertEquals(Set.of("q.io/o/img:cuda12-latest"), MergedTags.read(dir, "img", "cuda12").keySet());
    assertEquals(Map.of(), MergedTags.read(dir, "img", "default"));
  }

  @Test
  void platformTagKeepsARegistryPort() {
    assertEquals("localhost:5000/x/y:x86_64-tag", MergedTags.platformTag("localhost:5000/x/y:tag", "x86_64"));
    assertEquals("localhost:5000/x/y", MergedTags.imagePart("localhost:5000/x/y:tag"));
  }
}
