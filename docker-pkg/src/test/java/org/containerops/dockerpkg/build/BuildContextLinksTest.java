package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 §3: the build context copy never follows a symbolic link out of the image directory. */
class BuildContextLinksTest {
  @TempDir Path tmp;
  private Path secret;
  private Path image;

  @BeforeEach
  void tree() throws IOException {
    secret = Files.writeString(Files.createDirectories(tmp.resolve("host")).resolve("shadow"), "SECRET-HASH");
    image = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(image.resolve("Dockerfile.template"), "FROM scratch");
  }

  @Test
  void linkToAHostFileIsCopiedAsALinkNotItsContent() throws IOException {
    Files.createSymbolicLink(image.resolve("leak"), secret);
    Files.createSymbolicLink(image.resolve("etc"), secret.getParent());
    Files.createDirectories(image.resolve("files"));
    Files.writeString(image.resolve("files/a"), "a");
    Files.createSymbolicLink(image.resolve("alias"), Path.of("files/a"));
    try (BuildContext c = BuildContext.of(image, "app")) {
      Path leak = c.dir().resolve("leak");
      assertTrue(Files.isSymbolicLink(leak));
      assertEquals(secret, Files.readSymbolicLink(leak));
      assertTrue(Files.isSymbolicLink(c.dir().resolve("etc")));
      assertEquals(Path.of("files/a"), Files.readSymbolicLink(c.dir().resolve("alias")));
      assertEquals("a", Files.readString(c.dir().resolve("alias")));
      assertTrue(Files.isRegularFile(c.dir().resolve("files/a"), LinkOption.NOFOLLOW_LINKS));
    }
  }

  @Test
  void generatedDockerfileReplacesALinkInsteadOfWritingThroughIt() throws IOException {
    Files.createSymbolicLink(image.resolve("Dockerfile"), secret);
    try (BuildContext c = BuildContext.of(image, "app")) {
      c.write("Dockerfile", "FROM scratch");
      assertFalse(Files.isSymbolicLink(c.dir().resolve("Dockerfile")));
      assertEquals("FROM scratch", Files.readString(c.dir().resolve("Dockerfile")));
    }
    assertEquals("SECRET-HASH", Files.readString(secret));
  }

  @Test
  void dockerignoreLinkedOutsideIsRefusedAndNothingIsLeft() throws IOException {
    Files.createSymbolicLink(image.resolve(".dockerignore"), secret);
    long before = tempContexts();
    IOException e = assertThrows(IOException.class, () -> BuildContext.of(image, "app"));
    assertTrue(e.getMessage().contains(".dockerignore"), e.getMessage());
    assertEquals(before, tempContexts());
  }

  @Test
  void buildStageArtifactsCannotBeWrittenThroughALinkInTheContext() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createSymbolicLink(image.resolve("build"), outside);
    try (BuildContext c = BuildContext.of(image, "app")) {
      byte[] tar = tar("build/x", "payload");
      assertThrows(IOException.class, () -> ExtractProbe.extract(tar, c.dir()));
    }
    assertFalse(Files.exists(outside.resolve("x")));
  }

  private static long tempContexts() throws IOException {
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("docker-pkg-app-")).count();
    }
  }

  private static byte[] tar(String name, String content) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (var t = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(b)) {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
      e.setSize(data.length);
      t.putArchiveEntry(e);
      t.write(data);
      t.closeArchiveEntry();
    }
    return b.toByteArray();
  }

  /** TarExtractor is package-private in engine; reach it through the engine's test seam. */
  static final class ExtractProbe {
    static void extract(byte[] tar, Path target) throws IOException {
      org.containerops.dockerpkg.engine.TarExtractorAccess.extract(new ByteArrayInputStream(tar), target);
    }
  }
}
