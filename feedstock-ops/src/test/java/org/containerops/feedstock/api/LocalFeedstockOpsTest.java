package org.containerops.feedstock.api;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.containerops.feedstock.Fixtures;
import org.containerops.feedstock.TestDoubles;
import org.containerops.feedstock.recipe.ParsedNames;
import org.containerops.feedstock.staging.FeedstockCopy;
import org.containerops.feedstock.staging.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host library with {@code CF_FEEDSTOCK_OPS_IN_CONTAINER=true}: operations run in this process
 * (the same code as the container side) with the test doubles from the test image's directory.
 */
class LocalFeedstockOpsTest {
  @TempDir Path tmp;

  private final Map<String, String> env = new HashMap<>(Map.of(
      "CF_FEEDSTOCK_OPS_IN_CONTAINER", "true",
      "CF_FEEDSTOCK_OPS_CONDA_SMITHY", TestDoubles.script("conda-smithy-double").toString(),
      "CF_FEEDSTOCK_OPS_PYTHON", TestDoubles.script("conda-python-double").toString(),
      "PATH", System.getenv("PATH")));

  private FeedstockOps ops() {
    return FeedstockOps.builder().environment(() -> env).logLevel("info").build();
  }

  static Path gitFeedstock(Path parent, String fixture) {
    Path dir = parent.resolve(fixture);
    try (FeedstockCopy c = FeedstockCopy.create("fixture")) {
      Path copy = c.copy(Fixtures.feedstock(fixture), "x");
      new ProcessBuilder("cp", "-r", copy.toString(), dir.toString()).inheritIO().start().waitFor();
      Files.walk(dir).forEach(p -> p.toFile().setWritable(true, true));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    Git git = new Git(dir);
    git.run("init", "-q", "-b", "main");
    git.run("add", "-A");
    git.run("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "fixture");
    return dir;
  }

  @Test
  void parseNamesIsNativeWhenInContainer() {
    try (FeedstockOps ops = ops()) {
      ParsedNames n = ops.parsePackageAndFeedstockNames(Fixtures.feedstock("llvmdev-feedstock"));
      assertEquals("llvmdev", n.feedstockName());
      assertEquals(7, n.packageNames().size());
    }
  }

  @Test
  void rerenderAppliesThePatchRestoresExecBitsStagesAndSecondRunIsNull() throws IOException {
    Path fs = gitFeedstock(tmp, "ngmix-blah");
    Files.writeString(fs.resolve("recipe/meta.yaml"), "\n# a local edit\n", java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(fs.resolve("README.md"), "readme\n");
    Files.setPosixFilePermissions(fs.resolve("README.md"), PosixFilePermissions.fromString("rwxr-xr-x"));
    try (FeedstockOps ops = ops()) {
      RerenderResult r = ops.rerender(fs, Duration.ofMinutes(1), null);
      assertTrue(r.commitMessage().orElseThrow().startsWith("MNT: Re-rendered with conda-smithy-double"), r.toString());
      assertEquals("rwxr-xr-x", mode(fs.resolve(".scripts/build_steps.sh")));
      assertEquals("rwxr-xr-x", mode(fs.resolve("build-locally.py")));
      assertEquals("rw-r--r--", mode(fs.resolve("README.md")));
      assertTrue(Files.readString(fs.resolve("recipe/meta.yaml")).endsWith("# a local edit\n"));
      String staged = new Git(fs).run("diff", "--cached", "--name-only");
      assertEquals(Set.of(".ci_support/README", ".scripts/build_steps.sh", "README.md", "build-locally.py"),
          Set.of(staged.strip().split("\n")));
      assertEquals("100755", new Git(fs).run("ls-files", "-s", ".scripts/build_steps.sh").substring(0, 6));
      assertNull(ops.rerender(fs, Duration.ofMinutes(1)));
    }
  }

  @Test
  void rerenderRefusesADirectoryThatIsNotAGitWorkTree() throws IOException {
    Path notGit = Files.createDirectories(tmp.resolve("plain-feedstock"));
    try (FeedstockOps ops = ops()) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class, () -> ops.rerender(notGit, null));
      assertEquals(FeedstockOpsException.Reason.BAD_INPUT, e.reason());
      assertTrue(e.getMessage().startsWith("rerender of plain-feedstock failed: "), e.getMessage());
    }
  }

  @Test
  void lintAndCheckSolvableHaveUpstreamsShapesAndForwardEveryOption() {
    try (FeedstockOps ops = ops()) {
      LintResult l = ops.lint(Fixtures.feedstock("llvmdev-feedstock"));
      assertEquals(Set.of("recipe/meta.yaml"), l.lints().keySet());
      assertEquals(Map.of("recipe/meta.yaml", false), l.errors());
      assertEquals(List.of("double hint"), l.hints().get("recipe/meta.yaml"));
      SolvableResult s = ops.checkSolvable(CheckSolvableSpec.builder(Fixtures.feedstock("llvmdev-feedstock"))
          .timeout(Duration.ofSeconds(42)).additionalChannels(List.of("a", "b"))
          .buildPlatform(Map.of("osx_arm64", "osx_64")).solver("mamba").failFast(true).build());
      assertTrue(s.solvable());
      assertEquals(6, s.solvableByVariant().size());
      String args = s.errors().get(0);
      for (String want : List.of("--timeout=42", "--additional-channels=a,b", "--build-platform=", "osx_arm64",
          "--solver=mamba", "--fail-fast")) {
        assertTrue(args.contains(want), want + " missing from " + args);
      }
    }
  }

  @Test
  void missingToolIsAClearError() {
    env.put("CF_FEEDSTOCK_OPS_PYTHON", "no-such-python");
    try (FeedstockOps ops = ops()) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class,
          () -> ops.lint(Fixtures.feedstock("llvmdev-feedstock")));
      assertEquals(FeedstockOpsException.Reason.TOOL_MISSING, e.reason());
      assertTrue(e.getMessage().contains("no-such-python not found"), e.getMessage());
      assertNotNull(e.getCause());
    }
  }

  @Test
  void badSettingIsBadInputNamingTheVariable() {
    env.put("CF_FEEDSTOCK_OPS_VERBOSITY", "loud");
    try (FeedstockOps ops = ops()) {
      FeedstockOpsException e = assertThrows(FeedstockOpsException.class,
          () -> ops.parsePackageAndFeedstockNames(Fixtures.feedstock("llvmdev-feedstock")));
      assertTrue(e.getMessage().contains("CF_FEEDSTOCK_OPS_VERBOSITY"), e.getMessage());
    }
    assertFalse(env.isEmpty());
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
