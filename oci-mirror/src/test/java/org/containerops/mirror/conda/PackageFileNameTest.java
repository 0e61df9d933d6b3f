package org.containerops.mirror.conda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PackageFileNameTest {
  @Test
  void splitsLikeUpstreamRsplit() {
    PackageFileName f = PackageFileName.parse("run_exports_versions-1.0-he35c369_0.tar.bz2");
    assertEquals("run_exports_versions", f.name());
    assertEquals("1.0", f.version());
    assertEquals("he35c369_0", f.build());
    assertEquals(ArchiveFormat.TAR_BZ2, f.format());
    assertEquals("run_exports_versions-1.0-he35c369_0", f.stem());
    assertEquals("1.0-he35c369_0", f.tag());
    PackageFileName c = PackageFileName.parse("dummy-package-2.0-0.conda");
    assertEquals("dummy-package", c.name());
    assertEquals(ArchiveFormat.CONDA, c.format());
    assertEquals("zzz_libgcc_mutex", PackageFileName.parse("_libgcc_mutex-0.1-main.conda").repositoryComponent());
    assertEquals("2.4.3__p__10.3-0", PackageFileName.parse("x-2.4.3+10.3-0.tar.bz2").tag());
  }

  @Test
  void rejectsNamesWithoutVersionAndBuild() {
    assertThrows(IllegalArgumentException.class, () -> PackageFileName.parse("zlib.conda"));
    assertThrows(IllegalArgumentException.class, () -> PackageFileName.parse("zlib-1.0.conda"));
    assertThrows(IllegalArgumentException.class, () -> PackageFileName.parse("zlib-1.0-0.zip"));
  }
}
