package org.containerops.mirror.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.containerops.mirror.conda.ArchiveFormat;
import org.containerops.mirror.conda.RepodataEntry;
import org.junit.jupiter.api.Test;

class MirrorPlanTest {
  private static RepodataEntry e(String file, String name) {
    return new RepodataEntry(file, name, "v", "b", 0, "0".repeat(64), null, 1);
  }

  @Test
  void bothFormatsOfOneVersionBuildShareOneGroupCondaFirst() {
    MirrorPlan p = MirrorPlan.of("cf/noarch", List.of(e("zlib-1.0-0.tar.bz2", "zlib"), e("zlib-1.0-0.conda", "zlib"),
        e("zlib-1.1-0.tar.bz2", "zlib")), List.of());
    assertEquals(2, p.groups().size());
    PackageGroup g = p.groups().get(0);
    assertEquals("cf/noarch/zlib", g.repository());
    assertEquals("1.0-0", g.tag());
    assertEquals(List.of(ArchiveFormat.CONDA, ArchiveFormat.TAR_BZ2), g.entries().stream().map(RepodataEntry::format).toList());
  }

  @Test
  void illegalTagsAreSetAsideWithAReasonAndZzzPrefixApplies() {
    MirrorPlan p = MirrorPlan.of("cf/linux-64", List.of(e("bad-1.0 beta-0.conda", "bad"), e("_mutex-0.1-main.conda", "_mutex"),
        e("x-2.4.3+10.3-0.tar.bz2", "x")), List.of());
    assertEquals(1, p.invalid().size());
    assertTrue(p.invalid().get("bad-1.0 beta-0.conda").contains("not a legal OCI tag"));
    assertEquals("cf/linux-64/zzz_mutex", p.groups().get(0).repository());
    assertEquals("2.4.3__p__10.3-0", p.groups().get(1).tag());
    assertEquals("2.4.3+10.3-0", p.groups().get(1).versionBuild());
  }

  @Test
  void globsSelectByRecordName() {
    MirrorPlan p = MirrorPlan.of("cf/noarch", List.of(e("zlib-1.0-0.conda", "zlib"), e("xz-1.0-0.conda", "xz")),
        List.of(Glob.of("z*")));
    assertEquals(1, p.selected());
    assertEquals("cf/noarch/zlib", p.groups().get(0).repository());
  }
}
