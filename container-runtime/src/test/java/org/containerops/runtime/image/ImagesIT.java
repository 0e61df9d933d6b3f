package org.containerops.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EngineExtension.class)
class ImagesIT {

  private static String uniqueTag(String name) {
    return "containerops/it-" + name + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void buildsWithBuildArgsAndLabelsThenRunsAndRemoves(ContainerRuntime rt, @TempDir Path ctx) throws Exception {
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n",
        "FROM " + TestImages.SANDBOX,
        "ARG GREETING",
        "RUN echo \"$GREETING\" > /tmp/../home/sandbox/greeting.txt",
        "LABEL stage=test", ""));
    String tag = uniqueTag("build");
    Images images = rt.images();
    try {
      String id = images.build(ImageBuildSpec.of(ctx, tag).withBuildArgs(Map.of("GREETING", "hello from a build arg"))
          .withLabels(Map.of("org.containerops.test", "images-it")));
      assertTrue(id.startsWith("sha256:"), id);
      assertTrue(images.exists(tag));
      Map<String, String> labels = rt.client().inspectImageCmd(tag).exec().getConfig().getLabels();
      assertEquals("true", labels.get(ContainerTracker.MANAGED_LABEL));
      assertEquals("images-it", labels.get("org.containerops.test"));
      String greeting = rt.run(SandboxSpec.builder(tag)
          .command("sh", "-c", "printf '{\"data\": \"%s\"}' \"$(cat /home/sandbox/greeting.txt)\"").build())
          .data().asText();
      assertEquals("hello from a build arg", greeting);
      String alias = uniqueTag("alias");
      images.tag(tag, alias.substring(0, alias.indexOf(':')), alias.substring(alias.indexOf(':') + 1));
      assertEquals(id, rt.client().inspectImageCmd(alias).exec().getId());
      images.remove(alias, false);
      assertTrue(images.exists(tag), "removing one name keeps the other");
    } finally {
      images.remove(tag, true);
    }
    assertFalse(images.exists(tag));
    assertFalse(images.remove(tag, false), "removing a missing image reports false");
  }

  @Test
  void aFailingStepGivesTheLogTailWithSecretsMasked(ContainerRuntime rt, @TempDir Path ctx) throws Exception {
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n",
        "FROM " + TestImages.SANDBOX,
        "ARG http_proxy",
        "RUN echo \"proxy is $http_proxy\" && echo step-output && exit 7", ""));
    String tag = uniqueTag("fail");
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class, () -> rt.images().build(
        ImageBuildSpec.of(ctx, tag).withBuildArgs(Map.of("http_proxy", "http://bob:pr0xy-pass@proxy:3128"))));
    assertEquals(Reason.IMAGE_BUILD_FAILED, e.reason());
    assertTrue(e.stderrTail().contains("step-output"), e.stderrTail());
    assertFalse(e.stderrTail().contains("pr0xy-pass"), e.stderrTail());
    assertTrue(e.stderrTail().contains("proxy is http://bob:****@proxy:3128"), "only the password is masked: "
        + e.stderrTail());
    assertFalse(e.getMessage().contains("pr0xy-pass"), e.getMessage());
    assertFalse(rt.images().exists(tag));
  }

  @Test
  void importsARootfsTarball(ContainerRuntime rt, @TempDir Path dir) throws Exception {
    Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
    Files.writeString(rootfs.resolve("hello.txt"), "from a tarball\n");
    Path tarball = dir.resolve("rootfs.tar");
    Process tar = new ProcessBuilder("tar", "-C", dir.resolve("rootfs").toString(), "-cf", tarball.toString(), ".")
        .inheritIO().start();
    assertEquals(0, tar.waitFor());
    String tag = uniqueTag("import");
    try {
      String id = rt.images().importRootfs(tarball, tag, List.of("/bin/true"), Map.of("org.containerops.test", "import"));
      assertTrue(id.startsWith("sha256:"), id);
      var image = rt.client().inspectImageCmd(tag).exec();
      assertEquals(1, image.getRootFS().getLayers().size(), "one layer, as docker import makes");
      assertEquals(List.of("/bin/true"), List.of(image.getConfig().getCmd()));
      assertEquals("import", image.getConfig().getLabels().get("org.containerops.test"));
    } finally {
      rt.images().remove(tag, true);
    }
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class,
        () -> rt.images().importRootfs(dir.resolve("missing.tar"), tag, List.of(), Map.of()));
    assertEquals(Reason.IMAGE_BUILD_FAILED, e.reason());
  }
}
