package org.containerops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pipeline 3, feedstocks: feedstock-ops parses a fixture feedstock's package and feedstock names
 * natively and in a container, and rerenders a git copy of another fixture feedstock in a container
 * of the test image {@code containerops/test-feedstock-ops-double}, whose {@code conda-smithy-double}
 * stands in for conda-smithy (this jar is mounted into it, as the production image carries it).
 *
 * <p>Needs the feedstock-ops module.
 */
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ItSessionExtension.class)
class FeedstockPipelineIT {
  private static final Path FEEDSTOCKS = Path.of(System.getProperty("containerops.fixtures"), "feedstocks");

  private final ObjectMapper json = new ObjectMapper();
  private ItSession session;
  private Path work;

  @BeforeAll
  void workDir(ItSession s) {
    session = s;
    work = s.newDir("feedstock-pipeline");
  }

  @AfterAll
  void removeWorkDir() {
    ItSession.deleteTree(work);
  }

  /** Expected values: shared/reference/feedstock-ops.md:279 (upstream test_parse_package_and_feedstock_names.py:10). */
  @Test
  void namesOfLlvmdevAreTheSameNativelyAndInAContainer() throws Exception {
    Path llvmdev = FEEDSTOCKS.resolve("llvmdev-feedstock");
    JsonNode nativeNames = json.readTree(feedstockOps("parse-names", "--no-use-container", llvmdev.toString())
        .assertOk().stdout());
    JsonNode containerNames = json.readTree(feedstockOps("parse-names", "--quiet", mountJar(), llvmdev.toString())
        .assertOk().stdout());
    assertEquals("llvmdev", nativeNames.path("feedstock_name").asText());
    assertEquals(List.of("libllvm-c18", "libllvm18", "lit", "llvm", "llvm-tools", "llvm-tools-18", "llvmdev"),
        sorted(nativeNames.path("package_names")));
    assertEquals(List.of("linux-64", "linux-aarch64", "linux-ppc64le", "osx-64", "osx-arm64", "win-64"),
        sorted(nativeNames.path("subdirs")));
    assertEquals(nativeNames, containerNames, "native and container replies");
  }

  @Test
  void rerenderInAContainerStagesTheRenderedFilesAndASecondRunChangesNothing() throws Exception {
    List<String> fixtureBefore = listing(FEEDSTOCKS.resolve("ngmix-blah"));
    Path feedstock = gitCopy(FEEDSTOCKS.resolve("ngmix-blah"), work.resolve("ngmix-blah"));
    String recipeSum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(feedstock.resolve("recipe/meta.yaml")))).substring(0, 16);

    CliResult first = feedstockOps("rerender", "--quiet", "--timeout", "300", mountJar(), feedstock.toString()).assertOk();
    assertEquals("MNT: Re-rendered with conda-smithy-double 0.0.0 and recipe " + recipeSum, first.stdout().strip(),
        "the commit message");
    assertEquals(List.of("A  .ci_support/README", "A  .scripts/build_steps.sh", "A  build-locally.py"),
        git(feedstock, "status", "--porcelain").lines().sorted().toList(), "staged: exactly the rendered files");
    assertTrue(Files.isExecutable(feedstock.resolve(".scripts/build_steps.sh")), "exec bit from the permissions map");
    assertTrue(Files.readString(feedstock.resolve(".scripts/build_steps.sh")).contains(recipeSum), "rendered content");
    assertEquals(fixtureBefore, listing(FEEDSTOCKS.resolve("ngmix-blah")), "the fixture itself is untouched");

    git(feedstock, "-c", "user.name=IT", "-c", "user.email=it@example.org", "commit", "-q", "-m", "rerendered");
    CliResult second = feedstockOps("rerender", "--quiet", "--timeout", "300", mountJar(), feedstock.toString()).assertOk();
    assertEquals("", second.stdout().strip(), "nothing to commit the second time: " + second.describe());
    assertTrue(second.stderr().contains("nothing changed"), second.describe());
    assertEquals("", git(feedstock, "status", "--porcelain"), "work tree clean after the second run");
  }

  private CliResult feedstockOps(String... args) {
    return CliCall.of(CliTool.FEEDSTOCK_OPS, args)
        .env("CF_FEEDSTOCK_OPS_CONTAINER_NAME", "containerops/test-feedstock-ops-double")
        .env("CF_FEEDSTOCK_OPS_CONTAINER_TAG", "latest")
        .env("CF_FEEDSTOCK_OPS_CONTAINER_NETWORK", "none")
        .timeout(Duration.ofMinutes(5)).run(session);
  }

  /** The tool's own jar inside the test image, where the production image has it. */
  private static String mountJar() {
    return "--extra-mount=" + CliTool.FEEDSTOCK_OPS.jar() + ":/opt/feedstock-ops/feedstock-ops-cli.jar";
  }

  private static List<String> sorted(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out.stream().sorted().toList();
  }

  /** Every path under {@code dir} with its size and modification time, sorted. */
  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> out = new ArrayList<>();
      for (Path f : files.sorted().toList()) {
        out.add(dir.relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f));
      }
      return out;
    }
  }

  /** A writable copy of a fixture as a git work tree with one commit. */
  private static Path gitCopy(Path from, Path to) throws IOException, InterruptedException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
          target.toFile().setWritable(true, true);
        }
      }
    }
    git(to, "init", "-q");
    git(to, "add", "-A");
    git(to, "-c", "user.name=IT", "-c", "user.email=it@example.org", "commit", "-q", "-m", "fixture");
    return to;
  }

  private static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
