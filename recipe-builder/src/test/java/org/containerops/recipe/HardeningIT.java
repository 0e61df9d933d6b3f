package org.containerops.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.containerops.recipe.TestRecipes.Recorder;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildResult.Status;
import org.containerops.recipe.api.BuildSpec;
import org.containerops.recipe.api.BuilderSpec;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 for recipe-builder on the engine: recipe symlinks (§3), hostile names (§5), network none (§6). */
@ExtendWith(EngineExtension.class)
class HardeningIT {
  @TempDir Path tmp;

  private Path copyOfOne(String dirName) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("recipes").resolve(dirName));
    try (Stream<Path> s = Files.list(TestRecipes.recipe("one"))) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    return dir;
  }

  private BuildResult build(BuilderSpec spec, Path recipe, Recorder rec) {
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec, rec)) {
      return b.build(BuildSpec.of(recipe));
    }
  }

  private ContainerRuntime runtime;

  @Test
  void aSymlinkLeavingTheRecipeDirIsRefusedAndOneInsideIsFine(ContainerRuntime runtime) throws IOException {
    this.runtime = runtime;
    Path evil = copyOfOne("evil");
    Files.createSymbolicLink(evil.resolve("secret"), Path.of("/etc/shadow"));
    Path sneaky = copyOfOne("sneaky");
    Files.createDirectories(sneaky.resolve("sub"));
    Files.createSymbolicLink(sneaky.resolve("sub/up"), Path.of("../../evil"));
    Path fine = copyOfOne("fine");
    Files.createSymbolicLink(fine.resolve("alias.sh"), Path.of("build.sh"));
    Recorder rec = new Recorder();

    BuildResult e = build(TestRecipes.spec(tmp.resolve("channel")).build(), evil, rec);
    BuildResult s = build(TestRecipes.spec(tmp.resolve("channel")).build(), sneaky, rec);
    BuildResult f = build(TestRecipes.spec(tmp.resolve("channel")).build(), fine, rec);

    assertEquals(Status.FAILED, e.status());
    assertEquals("recipe " + evil + ": the symlink secret -> /etc/shadow leaves the recipe dir; refused (replace it by"
        + " the file or point it inside the recipe)", e.message());
    assertEquals(Status.FAILED, s.status());
    assertTrue(s.message().contains("the symlink sub/up -> ../../evil leaves the recipe dir"), s.message());
    assertEquals(Status.BUILT, f.status(), f.message());
  }

  @Test
  void aHostileRecipeDirNameIsNeverExecuted(ContainerRuntime runtime) throws IOException {
    this.runtime = runtime;
    Path recipe = copyOfOne("x$(touch PWNED)`touch PWNED2`; y 'q' \"d\" -z");

    BuildResult r = build(TestRecipes.spec(tmp.resolve("channel")).build(), recipe, new Recorder());

    assertEquals(Status.BUILT, r.status(), r.message() + "\n" + r.logTail());
    try (Stream<Path> s = Files.walk(tmp)) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("PWNED")).toList());
    }
  }

  @Test
  void buildsHaveNoNetworkUnlessAskedFor(ContainerRuntime runtime) throws IOException {
    this.runtime = runtime;
    Path recipe = Files.createDirectories(tmp.resolve("recipes/netcheck"));
    Files.writeString(recipe.resolve("meta.yaml"), "package:\n  name: netcheck\n  version: '1.0'\n");
    Files.writeString(recipe.resolve("build.sh"), "mkdir -p $PREFIX/share && ls /sys/class/net > $PREFIX/share/net.txt\n");
    // BuilderSpec's default network (TestRecipes.spec sets none explicitly)
    BuilderSpec spec = BuilderSpec.builder(TestRecipes.IMAGE, tmp.resolve("channel")).environment(Map.of())
        .user(TestRecipes.USER).build();

    BuildResult r = build(spec, recipe, new Recorder());

    assertEquals("none", spec.network());
    assertEquals(Status.BUILT, r.status(), r.message() + "\n" + r.logTail());
    assertEquals("lo\n", TestRecipes.payloadFileByCph(runtime, tmp.resolve("channel"), r.packages().get(0).channelPath(),
        "share/net.txt"), "only the loopback interface of its own network namespace");
  }
}
