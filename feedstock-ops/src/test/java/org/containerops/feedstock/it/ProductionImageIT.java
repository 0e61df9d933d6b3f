package org.containerops.feedstock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.containerops.feedstock.CliJar;
import org.containerops.feedstock.Fixtures;
import org.containerops.feedstock.api.FeedstockOps;
import org.containerops.feedstock.api.FeedstockOpsException;
import org.containerops.feedstock.api.FeedstockOpsException.Reason;
import org.containerops.feedstock.api.LocalFeedstockOpsTestAccess;
import org.containerops.feedstock.recipe.FeedstockNamesParser;
import org.containerops.feedstock.recipe.ParsedNames;
import org.containerops.feedstock.recipe.RecipeException;
import org.containerops.feedstock.sandbox.Operation;
import org.containerops.feedstock.settings.FeedstockOpsSettings;
import org.containerops.feedstock.staging.FeedstockCopy;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.SandboxResult;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production image (feedstock-ops/docker/Dockerfile, built by scripts/setup as
 * {@value #IMAGE}: Debian, a JRE, git, python3, no conda) with our CLI jar mounted read-only, as the
 * test-double image gets it. parse-names runs fully in it; rerender, lint and check-solvable need
 * conda-smithy, which it does not carry, so here they must answer TOOL_MISSING (their behaviour is
 * tested with the doubles in {@link FeedstockOpsIT}).
 */
@ExtendWith(EngineExtension.class)
class ProductionImageIT {
  static final String IMAGE = "containerops/feedstock-ops:latest";
  private static final List<String> FIXTURES = List.of("biopython-feedstock", "guiqwt-feedstock", "hpp-fcl-feedstock",
      "llvmdev-feedstock", "ngmix-blah", "pandas-feedstock", "r-base-feedstock", "test_feedstock",
      "v1-unsolvable-feedstock");

  @TempDir Path tmp;

  private static Map<String, String> env(String image) {
    int colon = image.lastIndexOf(':');
    return Map.of("CF_FEEDSTOCK_OPS_CONTAINER_NAME", image.substring(0, colon),
        "CF_FEEDSTOCK_OPS_CONTAINER_TAG", image.substring(colon + 1),
        "CF_FEEDSTOCK_OPS_CONTAINER_NETWORK", "none");
  }

  private static FeedstockOps ops(ContainerRuntime rt, String image) {
    Map<String, String> env = env(image);
    return FeedstockOps.builder().runtime(rt).environment(() -> env).sandbox(CliJar.sandbox(Map.of()))
        .offlineTimeout(Duration.ofMinutes(3)).build();
  }

  @Test
  void parseNamesThroughTheProductionImageEqualsNativeForEveryFixtureAndTestFeedstock(ContainerRuntime rt) {
    List<Path> dirs = new ArrayList<>();
    FIXTURES.forEach(f -> dirs.add(Fixtures.feedstock(f)));
    Fixtures.TEST_FEEDSTOCKS.forEach(f -> dirs.add(Fixtures.testFeedstock(f)));
    int compared = 0;
    try (FeedstockOps ops = ops(rt, IMAGE)) {
      for (Path dir : dirs) {
        ParsedNames nativeResult;
        try {
          nativeResult = FeedstockNamesParser.parse(dir);
        } catch (RecipeException e) {
          FeedstockOpsException c = assertThrows(FeedstockOpsException.class, () -> ops.parsePackageAndFeedstockNames(dir));
          assertEquals(Reason.OPERATION_FAILED, c.reason(), dir.toString());
          assertTrue(c.remoteError().orElseThrow().message().contains("no recipe"), dir + ": " + c.remoteError());
          continue;
        }
        assertEquals(nativeResult, ops.parsePackageAndFeedstockNames(dir), dir.toString());
        compared++;
      }
    }
    assertEquals(11, compared, "every feedstock but test_feedstock (no recipe) gives names");
  }

  @Test
  void containerSideAnswersUpstreamsContractInTheProductionImage(ContainerRuntime rt) throws IOException {
    try (FeedstockCopy mount = FeedstockCopy.create("contract")) {
      mount.copy(Fixtures.testFeedstock("v1-staging-feedstock"), "quarry-feedstock");
      FeedstockOpsSettings settings = FeedstockOpsSettings.fromEnv(env(IMAGE), "Linux", "0");
      SandboxResult r = rt.run(CliJar.sandbox(Map.of()).spec(Operation.PARSE_NAMES, "debug", List.of(), mount.root(),
          Duration.ofMinutes(3), settings, Map.of()));
      assertFalse(r.reply().has("error"), r.reply().toString());
      assertEquals("quarry-split", r.reply().get("data").get("feedstock_name").asText());
      assertTrue(r.reply().get("data").get("package_names").get("__set__").asBoolean(), "upstream's set encoding");
      assertEquals(Map.of("feedstock_name", "quarry-split",
          "package_names", Set.of("libquarry2", "quarry", "quarry-headers", "quarry-tools", "quarry-win-shim"),
          "subdirs", Set.of("linux-64", "linux-aarch64", "osx-arm64", "win-64")), r.dataValue());
    }
  }

  @Test
  void aBadContainerCommandLineExitsTwo(ContainerRuntime rt) throws IOException {
    try (FeedstockCopy mount = FeedstockCopy.create("contract")) {
      ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class, () -> rt.run(CliJar.sandbox(Map.of())
          .spec(Operation.PARSE_NAMES, "loud", List.of(), mount.root(), Duration.ofMinutes(3),
              FeedstockOpsSettings.fromEnv(env(IMAGE), "Linux", "0"), Map.of())));
      assertEquals(ContainerRuntimeError.Reason.NONZERO_EXIT, e.reason());
      assertTrue(e.getMessage().contains("2"), e.getMessage());
      assertTrue(e.stderrTail().contains("Invalid value for '--log-level'"), e.stderrTail());
    }
  }

  @Test
  void condaSmithyOperationsSayTheToolIsMissingInTheProductionImage(ContainerRuntime rt) throws IOException {
    Path fs = LocalFeedstockOpsTestAccess.gitFeedstock(tmp, "ngmix-blah");
    try (FeedstockOps ops = ops(rt, IMAGE)) {
      FeedstockOpsException rerender = assertThrows(FeedstockOpsException.class, () -> ops.rerender(fs, null));
      assertEquals(Reason.TOOL_MISSING, rerender.reason());
      assertTrue(rerender.getMessage().contains("conda-smithy not found on PATH") && rerender.getMessage().contains(IMAGE),
          rerender.getMessage());
      FeedstockOpsException lint = assertThrows(FeedstockOpsException.class, () -> ops.lint(fs));
      assertEquals(Reason.TOOL_MISSING, lint.reason());
      assertTrue(lint.getMessage().contains("python3 in this image cannot import")
          && lint.getMessage().contains("conda_smithy"), lint.getMessage());
    }
  }

  @Test
  void aMissingImageSaysHowToBuildItOrToParseNatively(ContainerRuntime rt) {
    try (FeedstockOps ops = ops(rt, "containerops/feedstock-ops-never-built:0.0.0")) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class,
          () -> ops.parsePackageAndFeedstockNames(Fixtures.feedstock("llvmdev-feedstock")));
      assertEquals(Reason.IMAGE_MISSING, e.reason());
      assertTrue(e.getMessage().contains("containerops/feedstock-ops-never-built:0.0.0 is not present"), e.getMessage());
      assertTrue(e.getMessage().contains("docker build"), e.getMessage());
      assertTrue(e.getMessage().contains("--no-use-container"), e.getMessage());
    }
  }

  /** Issue 17 §3/§5 through the image: a hostile feedstock name is only ever a path; a link out is refused. */
  @Test
  void hostileNamesWorkAndLinksLeavingTheFeedstockAreRefusedBeforeAnyContainer(ContainerRuntime rt) throws IOException {
    Path hostile = tmp.resolve("a $(touch PWNED); `id` 'q\" -x");
    Path recipe = java.nio.file.Files.createDirectories(hostile.resolve("recipe"));
    java.nio.file.Files.copy(Fixtures.testFeedstock("v1-per-variant-feedstock").resolve("recipe/recipe.yaml"),
        recipe.resolve("recipe.yaml"));
    try (FeedstockOps ops = ops(rt, IMAGE)) {
      ParsedNames n = ops.parsePackageAndFeedstockNames(hostile);
      assertEquals("hdfish", n.feedstockName());
      assertFalse(java.nio.file.Files.exists(tmp.resolve("PWNED")));

      java.nio.file.Files.createSymbolicLink(recipe.resolve("build.sh"), Path.of("/etc/passwd"));
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class, () -> ops.parsePackageAndFeedstockNames(hostile));
      assertEquals(Reason.BAD_INPUT, e.reason());
      assertTrue(e.getMessage().contains("build.sh") && e.getMessage().contains("leaves the feedstock"), e.getMessage());
    }
  }
}
