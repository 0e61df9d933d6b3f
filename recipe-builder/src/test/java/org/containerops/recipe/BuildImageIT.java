package org.containerops.recipe;

import static org.containerops.recipe.TestRecipes.build;
import static org.containerops.recipe.TestRecipes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.containerops.recipe.TestRecipes.Recorder;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildResult.Status;
import org.containerops.recipe.api.BuilderSpec;
import org.containerops.recipe.api.BuilderSpec.UserMode;
import org.containerops.recipe.api.DefaultTemplates;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.recipe.image.BuildImage;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The derived build image (--build-image), proxies, user modes. */
@ExtendWith(EngineExtension.class)
class BuildImageIT {
  private static final String PASSWORD = "s3cret-pw";
  private static final Map<String, String> PROXY_ENV = Map.of(
      "http_proxy", "http://alice:" + PASSWORD + "@proxy.invalid:3128",
      "HTTP_PROXY", "http://alice:" + PASSWORD + "@proxy.invalid:3128",
      "HTTPS_PROXY", "http://bob:" + PASSWORD + "@proxy.invalid:3129",
      "no_proxy", "localhost,127.0.0.1");

  @TempDir Path tmp;

  /** The default Dockerfile template plus a unique comment: a content tag no other test or run shares. */
  private static String uniqueDockerfile() {
    return DefaultTemplates.DOCKERFILE + "# test " + UUID.randomUUID() + "\n";
  }

  @Test
  void keptImageIsReusedByContentTagByTheNextRun(ContainerRuntime runtime) {
    String dockerfile = uniqueDockerfile();
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    String tag = null;
    try {
      try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(tmp.resolve("c1")).buildImage(true).keepImage(true)
          .dockerfileTemplate(dockerfile).build(), first)) {
        tag = b.image().orElseThrow().contentTag();
        assertTrue(b.image().get().built());
        assertEquals(Status.BUILT, b.build(build("one")).status());
      }
      assertTrue(runtime.images().exists(tag), "kept");
      long start = System.nanoTime();
      try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(tmp.resolve("c2")).buildImage(true)
          .dockerfileTemplate(dockerfile).build(), second)) {
        assertFalse(b.image().get().built());
        assertEquals(tag, b.image().get().contentTag());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "reuse must not rebuild");
        assertEquals(Status.BUILT, b.build(build("one")).status());
      }
      assertEquals(List.of("building " + tag, "built " + tag), first.events.subList(0, 2));
      assertEquals("reused " + tag, second.events.get(0));
      assertTrue(runtime.images().exists(tag), "a run that did not build it leaves it");
      assertTrue(tag.matches(BuildImage.REPOSITORY + ":[0-9a-f]{16}"), tag);
    } finally {
      if (tag != null) {
        runtime.images().remove(tag, false);
      }
    }
  }

  @Test
  void imageIsRemovedAtCloseUnlessKept(ContainerRuntime runtime) {
    String content;
    String run;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(tmp.resolve("c")).buildImage(true)
        .dockerfileTemplate(uniqueDockerfile()).build(), new Recorder())) {
      content = b.image().orElseThrow().contentTag();
      run = b.runImage();
      assertTrue(runtime.images().exists(content) && runtime.images().exists(run));
    }

    assertFalse(runtime.images().exists(content));
    assertFalse(runtime.images().exists(run));
  }

  @Test
  void concurrentRunsNeverPullTheImageFromUnderEachOther(ContainerRuntime runtime) {
    String dockerfile = uniqueDockerfile();
    RecipeBuilder first = RecipeBuilder.open(runtime, spec(tmp.resolve("c1")).buildImage(true)
        .dockerfileTemplate(dockerfile).build(), new Recorder());
    String content = first.image().orElseThrow().contentTag();
    try (RecipeBuilder second = RecipeBuilder.open(runtime, spec(tmp.resolve("c2")).buildImage(true)
        .dockerfileTemplate(dockerfile).build(), new Recorder())) {
      assertFalse(first.runImage().equals(second.runImage()), "each run has its own tag");
      first.close(); // it built the image and does not keep it: drops the content tag
      assertFalse(runtime.images().exists(content));
      assertEquals(Status.BUILT, second.build(build("one")).status());
    } finally {
      first.close();
    }
    assertFalse(runtime.images().exists(content));
  }

  @Test
  void proxiesReachTheBuildMaskedAndAreNotBakedIntoTheImage(ContainerRuntime runtime) {
    Recorder rec = new Recorder();
    BuildResult r;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(tmp.resolve("c")).buildImage(true)
        .dockerfileTemplate(uniqueDockerfile()).environment(PROXY_ENV).build(), rec)) {
      List<String> imageEnv = Arrays.asList(runtime.client().inspectImageCmd(b.runImage()).exec().getConfig().getEnv());
      assertTrue(imageEnv.stream().noneMatch(e -> e.toLowerCase().contains("proxy")), imageEnv.toString()); // B3
      r = b.build(build("proxy-echo"));
    }

    assertEquals(Status.BUILT, r.status(), r.message());
    assertTrue(rec.lines.contains("build sees http_proxy=http://alice:****@proxy.invalid:3128"
        + " HTTPS_PROXY=http://bob:****@proxy.invalid:3129 no_proxy=localhost,127.0.0.1"), rec.lines.toString());
    assertTrue(rec.lines.stream().noneMatch(l -> l.contains(PASSWORD)));
    assertTrue(rec.events.stream().noneMatch(l -> l.contains(PASSWORD)));
  }

  @Test
  void whitelistedSecretVariablesAreMaskedInTheBuildOutput(ContainerRuntime runtime) {
    Recorder rec = new Recorder();
    BuildResult r;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(tmp.resolve("c"))
        .environment(Map.of("GITHUB_TOKEN", "ghp_" + PASSWORD, "NOT_PASSED", "x")).allowEnv("GITHUB_*")
        .buildCommandTemplate("echo \"token=$GITHUB_TOKEN other=${{NOT_PASSED:-unset}}\" && "
            + TestRecipes.DOUBLE_COMMAND).build(), rec)) {
      r = b.build(build("one"));
    }

    assertEquals(Status.BUILT, r.status(), r.message());
    assertTrue(rec.lines.contains("token=**** other=unset"), rec.lines.toString());
    assertTrue(rec.lines.stream().noneMatch(l -> l.contains(PASSWORD)));
  }

  @Test
  void failedImageBuildShowsTheMaskedLogAndLeavesNothing(ContainerRuntime runtime) throws IOException {
    String template = "FROM {docker_base_image}\n{proxies}\nRUN echo \"image build sees $HTTP_PROXY\" && exit 7\n";
    RecipeBuilderException e = assertThrows(RecipeBuilderException.class, () -> RecipeBuilder.open(runtime,
        spec(tmp.resolve("c")).buildImage(true).dockerfileTemplate(template).environment(PROXY_ENV).build(),
        new Recorder()));

    assertEquals(Reason.IMAGE_BUILD_FAILED, e.reason());
    // the proxy reached the image build (as a build arg); container-runtime masks the URL password in it
    assertTrue(e.getMessage().contains("\nimage build sees http://alice:****@proxy.invalid:3128\n"), e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    assertEquals(List.of(), runtime.client().listImagesCmd().withLabelFilter(Map.of(BuildImage.CONTENT_LABEL,
        e.getMessage().replaceAll("(?s).*recipe-builder-build:([0-9a-f]{16}).*", "$1"))).exec());
    assertEquals(List.of(), TestRecipes.tree(tmp.resolve("c")).keySet().stream().filter(k -> k.startsWith(".")).toList());
  }

  @Test
  void hostUserIdModeLetsTheImageEntrypointSwitchToTheCallersUid(ContainerRuntime runtime) throws IOException {
    Recorder rec = new Recorder();
    BuildResult r;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(tmp.resolve("c")).userMode(UserMode.HOST_USER_ID)
        .buildCommandTemplate("echo \"build runs as $(id -un) uid $(id -u)\" && " + TestRecipes.DOUBLE_COMMAND)
        .build(), rec)) {
      r = b.build(build("one"));
    }

    assertEquals(Status.BUILT, r.status(), r.message());
    assertTrue(rec.lines.contains("build runs as conda uid 4242"), rec.lines.toString());
    Path pkg = r.packages().get(0).file();
    assertEquals(4242, Files.getAttribute(pkg, "unix:uid"));
    assertEquals(4243, Files.getAttribute(pkg, "unix:gid"));
  }

  @Test
  void badTemplateOrMissingImageFailBeforeAnyWork(ContainerRuntime runtime) {
    RecipeBuilderException t = assertThrows(RecipeBuilderException.class, () -> RecipeBuilder.open(runtime,
        spec(tmp.resolve("c")).buildScriptTemplate("echo {self.docker_base_image}").build(), new Recorder()));
    RecipeBuilderException i = assertThrows(RecipeBuilderException.class, () -> RecipeBuilder.open(runtime,
        BuilderSpec.builder("containerops/no-such-image:1", tmp.resolve("c")).environment(Map.of()).build(),
        new Recorder()));

    assertEquals(Reason.TEMPLATE, t.reason());
    assertEquals(Reason.IMAGE_NOT_FOUND, i.reason());
    assertTrue(i.getMessage().contains("'containerops/no-such-image:1' is not present"), i.getMessage());
    assertTrue(Files.notExists(tmp.resolve("c")), "nothing created");
  }
}
