package org.containerops.feedstock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.containerops.feedstock.Fixtures;
import org.containerops.feedstock.sandbox.Operation;
import org.containerops.feedstock.sandbox.OperationSandbox;
import org.containerops.feedstock.settings.FeedstockOpsSettings;
import org.containerops.runtime.api.SandboxSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17 §5: no value from a path, a name or an option is ever read by a shell. feedstock-ops
 * builds no shell command line: the container gets an argv (docker's exec form), the container side
 * runs conda-smithy and python with ProcessBuilder argv, and string options go as
 * {@code --name=value} so a leading {@code -} stays a value. Each hostile value must arrive as
 * exactly one argv element, byte for byte, and nothing may run: tools are recording scripts that
 * write their argv ($1 on) NUL-separated.
 */
class ShellSafetyTest {
  @TempDir Path tmp;

  static Stream<String> hostile() {
    return Stream.of("$(touch PWNED)", "`touch PWNED`", "; touch PWNED #", "it's \"quoted\"", "two words",
        "line1\nline2", "-leading", "--timeout=1");
  }

  private Path recorder(String name, String extra) throws IOException {
    Path script = tmp.resolve(name);
    Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > '" + tmp.resolve(name + ".argv")
        + "'\n" + extra + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private List<String> recorded(String name) throws IOException {
    return Arrays.asList(Files.readString(tmp.resolve(name + ".argv"), StandardCharsets.UTF_8).split("\0"));
  }

  private FeedstockOps ops() throws IOException {
    Map<String, String> env = Map.of("CF_FEEDSTOCK_OPS_IN_CONTAINER", "true",
        "CF_FEEDSTOCK_OPS_PYTHON", recorder("python", "case \"$1\" in *lint*) printf '{\"lints\": [], \"hints\": []}' > \"$3\";; "
            + "*) printf '{\"solvable\": true, \"errors\": [], \"solvable_by_variant\": {}}' > \"$3\";; esac").toString(),
        "CF_FEEDSTOCK_OPS_CONDA_SMITHY", recorder("smithy", "echo 'No changes made.'").toString(),
        "PATH", System.getenv("PATH"));
    return FeedstockOps.builder().environment(() -> env).logLevel("info").build();
  }

  private Path feedstockNamed(String value) throws IOException {
    Path dir = tmp.resolve("fs " + value.replace('/', '_') + "-feedstock");
    Path recipe = Files.createDirectories(dir.resolve("recipe"));
    Files.copy(Fixtures.feedstock("llvmdev-feedstock").resolve("recipe/meta.yaml"), recipe.resolve("meta.yaml"));
    Files.createDirectories(dir.resolve(".ci_support"));
    Files.writeString(dir.resolve(".ci_support/linux_64_.yaml"), "target_platform:\n- linux-64\n");
    return dir;
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileFeedstockNamesAndOptionValuesAreSingleArgvElements(String value) throws IOException {
    Path fs = feedstockNamed(value);
    try (FeedstockOps ops = ops()) {
      assertEquals("llvmdev", ops.parsePackageAndFeedstockNames(fs).feedstockName());

      ops.lint(fs);
      List<String> lint = recorded("python");
      assertEquals(fs.resolve("recipe").toString(), lint.get(1), "the recipe dir is one element: " + lint);
      assertEquals("--log-level=info", lint.get(3));

      ops.checkSolvable(CheckSolvableSpec.builder(fs).additionalChannels(List.of(value)).solver(value)
          .buildPlatform(Map.of("linux_64", value)).timeout(Duration.ofSeconds(5)).build());
      List<String> solve = recorded("python");
      assertEquals(fs.toString(), solve.get(1));
      assertTrue(solve.contains("--additional-channels=" + value), solve.toString());
      assertTrue(solve.contains("--solver=" + value), solve.toString());
      assertTrue(solve.stream().anyMatch(a -> a.startsWith("--build-platform=") && a.contains("linux_64")), solve.toString());
      assertTrue(solve.contains("--timeout=5"), "a value like --timeout=1 does not override: " + solve);
    }
    assertNothingRan();
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileExclusiveConfigFileNameReachesCondaSmithyAsOneElement(String value) throws IOException {
    Path fs = LocalFeedstockOpsTest.gitFeedstock(tmp, "ngmix-blah");
    Path config = Files.writeString(tmp.resolve("cfg " + value.replace('/', '_') + ".yaml"), "a: 1\n");
    try (FeedstockOps ops = ops()) {
      ops.rerender(fs, Duration.ofMinutes(1), config);
    }
    List<String> smithy = recorded("smithy");
    int at = smithy.indexOf("--exclusive-config-file");
    assertTrue(at > 0, smithy.toString());
    assertTrue(smithy.get(at + 1).endsWith("/" + config.getFileName()), smithy.toString());
    assertNothingRan();
  }

  /** The argv the host gives the container keeps each option value whole (docker's exec form, no shell). */
  @ParameterizedTest
  @MethodSource("hostile")
  void theContainerArgvKeepsEachValueWhole(String value) throws IOException {
    CheckSolvableSpec spec = CheckSolvableSpec.builder(tmp).additionalChannels(List.of(value)).solver(value).build();
    SandboxSpec s = OperationSandbox.defaults().spec(Operation.CHECK_SOLVABLE, "info", ResultShapes.checkSolvableArgs(spec),
        tmp, Duration.ofMinutes(1), FeedstockOpsSettings.fromEnv(Map.of(), "Linux", "0"), Map.of());
    assertEquals("conda-forge-feedstock-ops-container", s.command().get(0));
    assertTrue(s.command().contains("--additional-channels=" + value), s.command().toString());
    assertTrue(s.command().contains("--solver=" + value), s.command().toString());
  }

  private void assertNothingRan() throws IOException {
    try (Stream<Path> all = Files.walk(tmp)) {
      assertFalse(all.anyMatch(p -> p.getFileName().toString().equals("PWNED")), "a substitution ran");
    }
    assertFalse(Files.exists(Path.of("PWNED")), "a substitution ran in the working directory");
  }
}
