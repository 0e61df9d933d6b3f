package org.containerops.feedstock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.containerops.feedstock.CliJar;
import org.containerops.feedstock.Fixtures;
import org.containerops.feedstock.TestDoubles;
import org.containerops.feedstock.api.CheckSolvableSpec;
import org.containerops.feedstock.api.FeedstockOps;
import org.containerops.feedstock.api.FeedstockOpsException;
import org.containerops.feedstock.api.FeedstockOpsException.Reason;
import org.containerops.feedstock.api.FeedstockOpsListener;
import org.containerops.feedstock.api.LintResult;
import org.containerops.feedstock.api.LocalFeedstockOpsTestAccess;
import org.containerops.feedstock.api.RerenderResult;
import org.containerops.feedstock.api.SolvableResult;
import org.containerops.feedstock.recipe.FeedstockNamesParser;
import org.containerops.feedstock.recipe.ParsedNames;
import org.containerops.feedstock.recipe.RecipeException;
import org.containerops.feedstock.sandbox.OperationSandbox;
import org.containerops.feedstock.staging.Git;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The host library driving our container side in the test image (doubles for conda-smithy and the solver). */
@ExtendWith(EngineExtension.class)
class FeedstockOpsIT {
  private static final List<String> FIXTURES = List.of("biopython-feedstock", "guiqwt-feedstock", "hpp-fcl-feedstock",
      "llvmdev-feedstock", "ngmix-blah", "pandas-feedstock", "r-base-feedstock", "test_feedstock",
      "v1-unsolvable-feedstock");

  @TempDir Path tmp;
  private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

  private FeedstockOps ops(ContainerRuntime rt, OperationSandbox sandbox, String logLevel, Duration offlineTimeout) {
    Map<String, String> env = Map.of(
        "CF_FEEDSTOCK_OPS_CONTAINER_NAME", "containerops/test-feedstock-ops-double",
        "CF_FEEDSTOCK_OPS_CONTAINER_TAG", "latest",
        "CF_FEEDSTOCK_OPS_CONTAINER_NETWORK", "host");  // this engine has no bridge network
    return FeedstockOps.builder().runtime(rt).environment(() -> env).sandbox(sandbox).logLevel(logLevel)
        .offlineTimeout(offlineTimeout).timeoutGrace(Duration.ofSeconds(30)).listener(new FeedstockOpsListener() {
          @Override
          public void stderrLine(String line) {
            stderr.add(line);
          }
        }).build();
  }

  private FeedstockOps ops(ContainerRuntime rt, Map<String, String> env) {
    return ops(rt, CliJar.sandbox(env), "info", Duration.ofMinutes(5));
  }

  @Test
  void parseNamesThroughTheContainerEqualsNativeForEveryFixture(ContainerRuntime rt) {
    try (FeedstockOps ops = ops(rt, Map.of())) {
      ParsedNames llvm = ops.parsePackageAndFeedstockNames(Fixtures.feedstock("llvmdev-feedstock"));
      assertEquals("llvmdev", llvm.feedstockName());
      assertEquals(Set.of("llvmdev", "libllvm18", "llvm", "llvm-tools-18", "llvm-tools", "libllvm-c18", "lit"),
          llvm.packageNames());
      assertEquals(Set.of("linux-64", "linux-aarch64", "linux-ppc64le", "win-64", "osx-64", "osx-arm64"), llvm.subdirs());
      for (String f : FIXTURES) {
        Path dir = Fixtures.feedstock(f);
        ParsedNames nativeResult;
        try {
          nativeResult = FeedstockNamesParser.parse(dir);
        } catch (RecipeException e) {
          FeedstockOpsException c = assertThrows(FeedstockOpsException.class, () -> ops.parsePackageAndFeedstockNames(dir));
          assertEquals(Reason.OPERATION_FAILED, c.reason(), f);
          assertTrue(c.remoteError().orElseThrow().message().contains("no recipe"), f + ": " + c.remoteError());
          continue;
        }
        assertEquals(nativeResult, ops.parsePackageAndFeedstockNames(dir), f);
      }
    }
  }

  @Test
  void rerenderAppliesThePatchKeepsExecBitsAndRecipeEditsThenReturnsNull(ContainerRuntime rt) throws IOException {
    Path fs = LocalFeedstockOpsTestAccess.gitFeedstock(tmp, "ngmix-blah");
    Files.writeString(fs.resolve("recipe/meta.yaml"), "\n# uncommitted local edit\n", java.nio.file.StandardOpenOption.APPEND);
    Set<String> tempBefore = feedstockOpsTempDirs();
    try (FeedstockOps ops = ops(rt, Map.of())) {
      RerenderResult r = ops.rerender(fs, Duration.ofMinutes(2), null);
      assertTrue(r.commitMessage().orElseThrow().startsWith("MNT: Re-rendered with conda-smithy-double"), r.toString());
      assertEquals(List.of(".ci_support/README", ".scripts/build_steps.sh", "build-locally.py"), r.changedFiles());
      assertEquals("rwxr-xr-x", mode(fs.resolve(".scripts/build_steps.sh")));
      assertEquals("rwxr-xr-x", mode(fs.resolve("build-locally.py")));
      assertEquals("100755", new Git(fs).run("ls-files", "-s", "build-locally.py").substring(0, 6));
      assertTrue(Files.readString(fs.resolve("recipe/meta.yaml")).endsWith("# uncommitted local edit\n"));
      assertEquals(" M recipe/meta.yaml", new Git(fs).run("status", "--porcelain", "recipe").stripTrailing(),
          "the recipe edit is untouched and not staged");
      String mounted = stderr.stream().filter(l -> l.startsWith("feedstock-ops rerender: mounted")).findFirst().orElseThrow();
      assertTrue(mounted.contains("/cf_feedstock_ops_dir/ngmix-blah-feedstock holds"), mounted);
      assertFalse(mounted.contains(".git"), "the real .git was mounted: " + mounted);
      assertTrue(stderr.stream().anyMatch(l -> l.startsWith("conda-smithy-double network interfaces:")
          && !l.strip().equals("conda-smithy-double network interfaces: lo")), "rerender asks for a network");

      assertNull(ops.rerender(fs, Duration.ofMinutes(2)), "a second rerender changes nothing");
    }
    assertEquals(tempBefore, feedstockOpsTempDirs(), "temp copies are removed");
  }

  @Test
  void lintAndCheckSolvableReturnUpstreamsShapesForwardOptionsAndLogLevel(ContainerRuntime rt) {
    Path llvm = Fixtures.feedstock("llvmdev-feedstock");
    try (FeedstockOps ops = ops(rt, CliJar.sandbox(Map.of()), "debug", Duration.ofMinutes(5))) {
      LintResult l = ops.lint(llvm);
      assertEquals(Set.of("recipe/meta.yaml"), l.lints().keySet());
      assertEquals(List.of("double lint for /cf_feedstock_ops_dir/recipe"), l.lints().get("recipe/meta.yaml"));
      assertEquals(Map.of("recipe/meta.yaml", false), l.errors());
      assertTrue(stderr.contains("conda-python-double network interfaces: lo "), "lint runs offline: " + stderr);

      SolvableResult s = ops.checkSolvable(CheckSolvableSpec.builder(llvm).timeout(Duration.ofSeconds(30))
          .additionalChannels(List.of("conda-forge/label/rust_dev")).buildPlatform(Map.of("osx_arm64", "osx_64"))
          .solver("rattler").failFast(true).build());
      assertTrue(s.solvable());
      assertEquals(Set.of("linux_64_", "linux_aarch64_", "linux_ppc64le_", "osx_64_", "osx_arm64_", "win_64_"),
          s.solvableByVariant().keySet());
      String args = s.errors().get(0);
      for (String want : List.of("--log-level=debug", "--timeout=30", "--additional-channels=conda-forge/label/rust_dev",
          "--build-platform={\"osx_arm64\":\"osx_64\"}", "--solver=rattler", "--fail-fast")) {
        assertTrue(args.contains(want), want + " missing from " + args);
      }
      assertTrue(stderr.stream().anyMatch(x -> x.startsWith("DEBUG conda-python-double")), "debug reached the tool");
    }
    stderr.clear();
    try (FeedstockOps ops = ops(rt, CliJar.sandbox(Map.of()), "info", Duration.ofMinutes(5))) {
      ops.checkSolvable(CheckSolvableSpec.builder(llvm).build());
      assertFalse(stderr.stream().anyMatch(x -> x.startsWith("DEBUG")), "no DEBUG lines at info: " + stderr);
    }
  }

  /** Upstream tests/test_lint.py:29 (fixed: it really uses the container): the key set over all test data. */
  @Test
  void lintOverAllFixturesKeysEveryRecipeThroughTheContainer(ContainerRuntime rt) {
    Path all = Fixtures.feedstock("llvmdev-feedstock").getParent();
    try (FeedstockOps ops = ops(rt, Map.of())) {
      LintResult l = ops.lint(all);
      assertEquals(Set.of("biopython-feedstock/recipe/meta.yaml", "guiqwt-feedstock/recipe/meta.yaml",
          "hpp-fcl-feedstock/recipe/meta.yaml", "llvmdev-feedstock/recipe/meta.yaml", "ngmix-blah/recipe/meta.yaml",
          "pandas-feedstock/recipe/meta.yaml", "r-base-feedstock/recipe/meta.yaml",
          "v1-unsolvable-feedstock/recipe/recipe.yaml"), l.lints().keySet());
      assertEquals(l.lints().keySet(), l.hints().keySet());
      assertFalse(l.errors().containsValue(true), l.errors().toString());
      assertTrue(l.lints().values().stream().mapToInt(List::size).sum() + l.hints().values().stream().mapToInt(List::size).sum() > 0);
    }
  }

  @Test
  void failingCondaSmithyGivesAShortMessageWithTheRemoteErrorAndStderrTail(ContainerRuntime rt) throws IOException {
    Path fs = LocalFeedstockOpsTestAccess.gitFeedstock(tmp, "ngmix-blah");
    try (FeedstockOps ops = ops(rt, Map.of("DOUBLE_MODE", "fail"))) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class, () -> ops.rerender(fs, Duration.ofMinutes(1)));
      assertEquals(Reason.OPERATION_FAILED, e.reason());
      assertEquals(1, e.getMessage().lines().count());
      assertTrue(e.getMessage().startsWith("rerender of ngmix-blah failed: RuntimeException: Failed to rerender"),
          e.getMessage());
      assertTrue(e.getMessage().length() < 300, e.getMessage());
      assertEquals("RuntimeException", e.remoteError().orElseThrow().name());
      assertNotNull(e.remoteError().get().traceback());
      assertTrue(e.stderrTail().contains("pretend conda-smithy log line 199"), e.stderrTail());
      assertEquals("", new Git(fs).run("status", "--porcelain"), "the feedstock is unchanged");
    }
  }

  @Test
  void nonZeroExitAndGarbageOutputAreContainerFailures(ContainerRuntime rt) {
    Path llvm = Fixtures.feedstock("llvmdev-feedstock");
    try (FeedstockOps ops = ops(rt, CliJar.sandbox(List.of("sh", "-c", "echo boom >&2; exit 3", "sh"), Map.of()),
        "info", Duration.ofMinutes(1))) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class, () -> ops.lint(llvm));
      assertEquals(Reason.CONTAINER_FAILED, e.reason());
      assertTrue(e.stderrTail().contains("boom"), e.stderrTail());
    }
    try (FeedstockOps ops = ops(rt, CliJar.sandbox(List.of("sh", "-c", "echo this is not json", "sh"), Map.of()),
        "info", Duration.ofMinutes(1))) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class, () -> ops.parsePackageAndFeedstockNames(llvm));
      assertEquals(Reason.CONTAINER_FAILED, e.reason());
      assertTrue(e.getMessage().startsWith("parse-package-and-feedstock-names of llvmdev-feedstock failed: "), e.getMessage());
    }
  }

  @Test
  void missingToolNamesTheToolAndTheImage(ContainerRuntime rt) throws IOException {
    Path fs = LocalFeedstockOpsTestAccess.gitFeedstock(tmp, "ngmix-blah");
    try (FeedstockOps ops = ops(rt, Map.of("CF_FEEDSTOCK_OPS_CONDA_SMITHY", "conda-smithy-missing"))) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class, () -> ops.rerender(fs, null));
      assertEquals(Reason.TOOL_MISSING, e.reason());
      assertTrue(e.getMessage().contains("conda-smithy-missing not found on PATH"), e.getMessage());
      assertTrue(e.getMessage().contains(TestDoubles.IMAGE), e.getMessage());
    }
  }

  @Test
  void hostSideTimeoutKillsTheContainer(ContainerRuntime rt) {
    long start = System.nanoTime();
    try (FeedstockOps ops = ops(rt, CliJar.sandbox(Map.of("DOUBLE_MODE", "sleep")), "info", Duration.ofSeconds(6))) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class,
          () -> ops.lint(Fixtures.feedstock("llvmdev-feedstock")));
      assertEquals(Reason.TIMEOUT, e.reason());
      assertTrue(e.getMessage().contains("killed"), e.getMessage());
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60);
    rt.awaitRemovals();
    assertEquals(0, rt.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of("org.containerops.session", rt.sessionId(),
            "org.containerops.feedstock-ops.operation", "lint")).exec().size(), "the container is gone");
  }

  private static Set<String> feedstockOpsTempDirs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("feedstock-ops-")).collect(
          java.util.stream.Collectors.toSet());
    }
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
