package org.containerops.dockerpkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.containerops.dockerpkg.Fixtures;
import org.containerops.dockerpkg.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and output via {@link DockerPkgCli#commandLine()}; argument mapping as in upstream tests/test_cli.py. */
class DockerPkgCliTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = DockerPkgCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private String config() throws IOException {
    return Files.writeString(tmp.resolve("config.yaml"), "registry: example.org\n").toString();
  }

  @Test
  void renderSucceedsAndPrintsTheFiles() throws IOException {
    Path images = TestImages.upstreamFixtures(tmp.resolve("images"));
    Path outDir = tmp.resolve("out");
    assertEquals(0, run("render", images.toString(), "-c", config(), "--output", outDir.toString()), err.toString());
    assertEquals(4, out.toString().lines().count());
    assertEquals("FROM example.org/foo-bar:0.0.1", Files.readString(outDir.resolve("foobar-server/Dockerfile")));
    assertEquals("", err.toString());
  }

  @Test
  void globalOptionsMayComeBeforeTheSubcommand() throws IOException {
    Path images = TestImages.upstreamFixtures(tmp.resolve("images"));
    assertEquals(0, run("-c", config(), "render", images.toString(), "--output", tmp.resolve("o").toString(),
        "--select", "*foo-bar:*"), err.toString());
    assertEquals(List.of(tmp.resolve("o/foo-bar/Dockerfile").toString()), out.toString().lines().toList());
  }

  @Test
  void corpusRenderMatchesUpstream() throws IOException {
    Path outDir = tmp.resolve("out");
    assertEquals(0, run("render", Fixtures.corpusImages().toString(), "-c", Fixtures.corpus().resolve("config.yaml").toString(),
        "--output", outDir.toString()));
    assertEquals(125, out.toString().lines().count());
    assertEquals(12, err.toString().lines().filter(l -> l.startsWith("docker-pkg: warning: ")).count(), err.toString());
    assertEquals(Files.readString(Fixtures.dockerPkg().resolve("expected-render/golang1.22/Dockerfile")),
        Files.readString(outDir.resolve("golang1.22/Dockerfile")));
  }

  @Test
  void expectedFailureIsOneLineAndExitOne() {
    Path missing = tmp.resolve("missing.yaml");
    assertEquals(1, run("render", tmp.toString(), "-c", missing.toString(), "--output", tmp.resolve("o").toString()));
    assertEquals("docker-pkg: Config file " + missing + " does not exist" + System.lineSeparator(), err.toString());
    assertFalse(Files.exists(tmp.resolve("o")));
  }

  @Test
  void stacktraceShowsTheTrace() {
    assertEquals(1, run("--stacktrace", "render", tmp.toString(), "-c", tmp.resolve("missing.yaml").toString(), "--output", "o"));
    assertTrue(err.toString().contains("DockerPkgException"), err.toString());
    assertTrue(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void renderErrorExitsOneAndWritesNothing() throws IOException {
    Path images = TestImages.upstreamFixtures(tmp.resolve("images"));
    TestImages.image(images.resolve("broken"), "broken", "1.0", "FROM {{ 'ghost' | image_tag }}", List.of());
    assertEquals(1, run("render", images.toString(), "-c", config(), "--output", tmp.resolve("o").toString()));
    assertTrue(err.toString().startsWith("docker-pkg: 1 of 5 images failed to render"), err.toString());
    assertEquals(1, err.toString().lines().count());
    assertFalse(Files.exists(tmp.resolve("o")));
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    assertEquals(2, run());
    assertEquals(2, run("render", tmp.toString()));
    assertEquals(2, run("bogus"));
    assertEquals(2, run("render", tmp.toString(), "--output", "o", "--nope"));
    assertEquals(2, run("update", "only-name"));
    assertEquals(2, run("update", "x", tmp.toString(), "-c", config(), "--version", "not a version"));
    assertEquals(2, run("--debug", "--info", "update", "x", tmp.toString()));
    assertEquals(2, run("build"), "build needs DIRECTORY");
    assertEquals(2, run("prune", tmp.toString(), "--select"), "--select needs GLOB");
  }

  @Test
  void versionAndHelpExitZero() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("docker-pkg "), out.toString());
    assertEquals(0, run("update", "--help"));
    assertTrue(out.toString().contains("--reason"), out.toString());
  }

  @Test
  void updateRewritesChangelogsAndPrintsThem() throws IOException {
    Path images = TestImages.upstreamFixtures(tmp.resolve("images"));
    assertEquals(0, run("update", "foo-bar", images.toString(), "-c", config(), "--reason", "Bump", "-v", "0.0.2"), err.toString());
    assertEquals(List.of("foo-bar 0.0.1 -> 0.0.2 " + images.resolve("foo-bar/changelog"),
        "foobar-server 0.0.1~alpha1 -> 0.0.1~alpha1-s1 " + images.resolve("foobar-server/changelog")), out.toString().lines().toList());
    assertTrue(Files.readString(images.resolve("foo-bar/changelog")).startsWith("foo-bar (0.0.2) wikimedia; urgency=high\n\n   Bump\n"));
  }

  @Test
  void updateOfAnUnknownImageExitsOne() throws IOException {
    Path images = TestImages.upstreamFixtures(tmp.resolve("images"));
    assertEquals(1, run("update", "bar", images.toString(), "-c", config()));
    assertTrue(err.toString().startsWith("docker-pkg: no image named bar"), err.toString());
  }
}
