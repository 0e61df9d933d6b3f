package org.containerops.dockerpkg.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageScanner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 §3: templates, includes, changelog and control cannot read host files through symbolic links. */
class SymlinkConfinementTest {
  @TempDir Path tmp;
  private Path secret;
  private Path image;

  @BeforeEach
  void tree() throws IOException {
    secret = Files.writeString(Files.createDirectories(tmp.resolve("host")).resolve("shadow"), "root:SECRET-HASH:19000");
    image = TestImages.image(tmp.resolve("images/app"), "app", "1.0-1", "FROM scratch", List.of());
  }

  private RenderedDockerfile render(String templateName) {
    return new TemplateRenderer(ConfigLoader.defaultConfig(), List.of()).render("app", image, templateName);
  }

  @Test
  void symlinkedIncludeToAHostFileIsRefused() throws IOException {
    Files.writeString(image.resolve("Dockerfile.template"), "FROM scratch\n{% include 'part' %}\n");
    Files.createSymbolicLink(image.resolve("part"), secret);
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> render(ImageDefinition.TEMPLATE));
    assertEquals(Reason.RENDER, e.reason());
    assertFalse(e.getMessage().contains("SECRET-HASH"), e.getMessage());
  }

  @Test
  void templateThatIsASymlinkToAHostFileIsRefused() throws IOException {
    Files.delete(image.resolve("Dockerfile.template"));
    Files.createSymbolicLink(image.resolve("Dockerfile.template"), secret);
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> render(ImageDefinition.TEMPLATE));
    assertEquals(Reason.RENDER, e.reason());
    assertTrue(e.getMessage().contains(secret.toRealPath().toString()), "names where the link leads: " + e.getMessage());
    assertFalse(e.getMessage().contains("SECRET-HASH"));
  }

  @Test
  void buildStageTemplateThatIsASymlinkToAHostFileIsRefused() throws IOException {
    Files.createSymbolicLink(image.resolve(ImageDefinition.BUILD_TEMPLATE), secret);
    assertThrows(DockerPkgException.class, () -> render(ImageDefinition.BUILD_TEMPLATE));
  }

  @Test
  void symlinksWithinTheImageDirectoryStillWork() throws IOException {
    Files.createDirectories(image.resolve("parts"));
    Files.writeString(image.resolve("parts/real.j2"), "RUN echo {{ 'in' ~ 'side' }}");
    Files.createSymbolicLink(image.resolve("part"), Path.of("parts/real.j2"));
    Files.writeString(image.resolve("real.template"), "FROM scratch\n{% include 'part' %}\n");
    Files.delete(image.resolve("Dockerfile.template"));
    Files.createSymbolicLink(image.resolve("Dockerfile.template"), image.resolve("real.template"));
    assertEquals("FROM scratch\nRUN echo inside", render(ImageDefinition.TEMPLATE).text());
  }

  @Test
  void includeThatLeavesTheDirectoryLexicallyIsRefused() throws IOException {
    Files.writeString(image.resolve("Dockerfile.template"), "{% include '../../host/shadow' %}");
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> render(ImageDefinition.TEMPLATE));
    assertFalse(e.getMessage().contains("SECRET-HASH"));
  }

  @Test
  void changelogOrControlLinkedOutsideIsRefusedWhenScanning() throws IOException {
    Path other = Files.writeString(tmp.resolve("host/changelog"), TestImages.changelog("stolen", "9.9"));
    Files.delete(image.resolve("changelog"));
    Files.createSymbolicLink(image.resolve("changelog"), other);
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> ImageScanner.read(image));
    assertEquals(Reason.SCAN, e.reason());
    assertTrue(e.getMessage().contains(image.resolve("changelog").toString()), e.getMessage());

    Files.delete(image.resolve("changelog"));
    Files.writeString(image.resolve("changelog"), TestImages.changelog("app", "1.0-1"));
    Files.createSymbolicLink(image.resolve("control"), secret);
    assertEquals(Reason.SCAN, assertThrows(DockerPkgException.class, () -> ImageScanner.read(image)).reason());
  }

  @Test
  void changelogLinkedWithinTheImageDirectoryIsRead() throws IOException {
    Files.move(image.resolve("changelog"), image.resolve("changelog.real"));
    Files.createSymbolicLink(image.resolve("changelog"), Path.of("changelog.real"));
    assertEquals("1.0-1", ImageScanner.read(image).version());
  }
}
