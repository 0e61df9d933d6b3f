package org.containerops.dockerpkg.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarExtractorTest {
  @TempDir Path dir;

  private static byte[] tar(String name, String content, int mode) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(b)) {
      TarArchiveEntry d = new TarArchiveEntry("build/");
      t.putArchiveEntry(d);
      t.closeArchiveEntry();
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setSize(data.length);
      e.setMode(mode);
      t.putArchiveEntry(e);
      t.write(data);
      t.closeArchiveEntry();
    }
    return b.toByteArray();
  }

  @Test
  void extractsFilesKeepingTheExecutableBit() throws IOException {
    TarExtractor.extract(new ByteArrayInputStream(tar("build/bin/greet", "#!/bin/sh\n", 0100755)), dir);
    assertEquals("#!/bin/sh\n", Files.readString(dir.resolve("build/bin/greet")));
    assertTrue(Files.isExecutable(dir.resolve("build/bin/greet")));
  }

  @Test
  void refusesEntriesOutsideTheTarget() throws IOException {
    byte[] evil = tar("build/../../escape", "x", 0100644);
    assertThrows(IOException.class, () -> TarExtractor.extract(new ByteArrayInputStream(evil), dir.resolve("ctx")));
    assertFalse(Files.exists(dir.resolve("escape")));
  }
}
