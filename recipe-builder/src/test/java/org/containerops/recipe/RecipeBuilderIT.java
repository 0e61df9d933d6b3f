package org.containerops.recipe;

import static org.containerops.recipe.TestRecipes.build;
import static org.containerops.recipe.TestRecipes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.containerops.recipe.TestRecipes.Recorder;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildResult.Status;
import org.containerops.recipe.api.BuildRunResult;
import org.containerops.recipe.api.BuiltPackage;
import org.containerops.recipe.channel.CondaArchive;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Real builds with the conda-build test double on the engine. */
@ExtendWith(EngineExtension.class)
class RecipeBuilderIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path channel;
  Set<String> tempDirsBefore;

  @BeforeEach
  void setUp() throws IOException {
    channel = tmp.resolve("channel");
    tempDirsBefore = TestRecipes.tempDirs();
  }

  @AfterEach
  void nothingLeftBehind() throws IOException {
    assertEquals(tempDirsBefore, TestRecipes.tempDirs(), "recipe-builder temp dirs left behind");
    if (Files.isDirectory(channel)) {
      try (Stream<Path> s = Files.list(channel)) {
        assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
            "hidden work dirs left in the staging channel");
      }
    }
  }

  @Test
  void simpleRecipeLandsInEngineSubdirOwnedByCallerAndIndexed(ContainerRuntime runtime) throws IOException {
    BuildResult r;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).pkgFormat("2").build(), new Recorder())) {
      r = b.build(build("one"));
      assertEquals("linux-64", b.subdir()); // the engine of this machine is x86_64
    }

    assertEquals(Status.BUILT, r.status(), r.message() + "\n" + String.join("\n", r.logTail()));
    assertEquals(1, r.packages().size());
    BuiltPackage p = r.packages().get(0);
    assertEquals("linux-64/one-1.0-0.conda", p.channelPath(), "no variant variables used: no hash, as conda-build");
    assertEquals(TestRecipes.sha256(Files.readAllBytes(p.file())), p.sha256());
    for (Path f : List.of(p.file(), channel.resolve("linux-64/repodata.json"), channel.resolve("noarch/repodata.json"))) {
      assertEquals(4242, Files.getAttribute(f, "unix:uid"), f.toString());
      assertEquals(4243, Files.getAttribute(f, "unix:gid"), f.toString());
    }
    Map<String, Object> index = CondaArchive.indexJson(p.file());
    assertEquals(Map.of("name", "one", "version", "1.0", "subdir", "linux-64", "build_number", 0),
        Map.of("name", index.get("name"), "version", index.get("version"), "subdir", index.get("subdir"),
            "build_number", index.get("build_number")));
    assertEquals(index, TestRecipes.indexJsonByCph(runtime, channel, p.channelPath()));
    Map<?, ?> rec = repodataRecord(channel, "linux-64", "packages.conda", p.file().getFileName().toString());
    assertEquals(p.sha256(), rec.get("sha256"));
    assertEquals((int) Files.size(p.file()), rec.get("size"));
    assertFalse(rec.containsKey("arch"), "conda-index drops arch/platform");
    assertTrue(r.commandTook().isPresent());
  }

  @Test
  void dependentRecipeGetsItsDependencyFromTheStagingChannel(ContainerRuntime runtime) throws IOException {
    BuildRunResult run;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).build(), new Recorder())) {
      run = b.buildAll(List.of(build("one"), build("two")), false);
    }

    assertTrue(run.succeeded(), run.failures().toString());
    Path two = run.results().get(1).packages().get(0).file();
    assertEquals(List.of("one"), CondaArchive.indexJson(two).get("depends"));
    String paths = new String(CondaArchive.infoFile(two, "info/paths.json"), StandardCharsets.UTF_8);
    assertTrue(paths.contains("share/two.txt") && !paths.contains("share/one.txt"), paths);
    Map<?, ?> conda = (Map<?, ?>) repodata(channel, "linux-64").get("packages"); // .tar.bz2: conda-build 24.1's default
    assertEquals(new TreeSet<>(List.of(run.results().get(0).packages().get(0).file().getFileName().toString(),
        two.getFileName().toString())), new TreeSet<>(conda.keySet().stream().map(Object::toString).toList()));
  }

  @Test
  void failureIsReportedWithExitCodeAndTailAndTheRestGoOn(ContainerRuntime runtime) {
    Recorder rec = new Recorder();
    BuildRunResult run;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).logTailLines(3).build(), rec)) {
      run = b.buildAll(List.of(build("two"), build("fails"), build("one")), false);
    }

    BuildResult two = run.results().get(0);
    BuildResult fails = run.results().get(1);
    assertEquals(Status.FAILED, two.status(), "two needs one, which is not built yet");
    assertTrue(String.join("\n", two.logTail()).contains("Unsatisfiable dependencies"), two.logTail().toString());
    assertEquals(Status.FAILED, fails.status());
    assertEquals(Optional.of(1), fails.exitCode());
    assertTrue(fails.message().matches("build failed with exit code 1: BuildScriptException: Command '\\['/bin/bash',"
        + " '-o', 'errexit', '.*/work/build.sh'\\]' returned non-zero exit status 3\\."), fails.message());
    // a short tail keeps the build script's last lines as well as the traceback's
    assertEquals("fails: about to fail on purpose", fails.logTail().get(2), fails.logTail().toString());
    assertEquals(6, fails.logTail().size(), fails.logTail().toString());
    assertTrue(fails.logTail().get(5).startsWith("conda_build.exceptions.BuildScriptException: Command"),
        fails.logTail().toString());
    assertTrue(two.message().endsWith(": DependencyNeedsBuildingError: Unsatisfiable dependencies for platform"
        + " linux-64: {MatchSpec(\"one\")}"), two.message());
    assertEquals(Status.BUILT, run.results().get(2).status());
    assertEquals(3, rec.results.size());
  }

  @Test
  void staleIndexFilesOfAnEarlierCondaIndexCannotWin(ContainerRuntime runtime) throws IOException {
    // a channel conda-index indexed before: its current_repodata/.zst/channeldata list an old build
    Path linux = Files.createDirectories(channel.resolve("linux-64"));
    String old = "{\"packages\": {\"one-1.0-0.tar.bz2\": {\"name\": \"one\", \"version\": \"1.0\", \"build\": \"0\"}}}";
    for (String name : List.of("current_repodata.json", "current_repodata.json.bz2", "repodata.json.zst",
        "repodata.json.bz2", "repodata_from_packages.json", "repodata.json", "index.html")) {
      Files.writeString(linux.resolve(name), old);
    }
    Files.writeString(channel.resolve("channeldata.json"), old);
    BuildResult r;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).pkgFormat("2").build(), new Recorder())) {
      r = b.build(build("one"));
    }

    assertEquals(Status.BUILT, r.status(), r.message());
    try (Stream<Path> s = Files.list(linux)) {
      assertEquals(List.of("one-1.0-0.conda", "repodata.json", "repodata_from_packages.json"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertFalse(Files.exists(channel.resolve("channeldata.json")));
    assertEquals(Set.of("one-1.0-0.conda"), ((Map<?, ?>) repodata(channel, "linux-64").get("packages.conda")).keySet());
    assertEquals(Map.of(), repodata(channel, "linux-64").get("packages"));
    assertEquals(Files.readString(linux.resolve("repodata.json")), Files.readString(linux.resolve("repodata_from_packages.json")));
  }

  @Test
  void failFastSkipsTheRest(ContainerRuntime runtime) throws IOException {
    BuildRunResult run;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).build(), new Recorder())) {
      run = b.buildAll(List.of(build("fails"), build("one")), true);
    }

    assertEquals(List.of(Status.FAILED, Status.SKIPPED), run.results().stream().map(BuildResult::status).toList());
    try (Stream<Path> s = Files.list(channel.resolve("linux-64"))) {
      assertEquals(List.of("repodata.json", "repodata_from_packages.json"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void recipeIsMountedReadOnlyAndStaysUnchanged(ContainerRuntime runtime) throws IOException {
    Map<String, String> before = TestRecipes.tree(TestRecipes.recipe("writes-recipe-dir"));
    BuildResult r;
    // as root inside the container: only the read-only mount can stop the write
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).user("0:0").build(), new Recorder())) {
      r = b.build(build("writes-recipe-dir"));
    }

    assertEquals(Status.FAILED, r.status());
    assertTrue(String.join("\n", r.logTail()).contains("/opt/recipe/meta.yaml: Read-only file system"),
        r.logTail().toString());
    assertEquals(before, TestRecipes.tree(TestRecipes.recipe("writes-recipe-dir")));
  }

  @Test
  void mixedOutputsAreRoutedByTheirOwnSubdir(ContainerRuntime runtime) throws IOException {
    BuildResult r;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).pkgFormat("1").build(), new Recorder())) {
      r = b.build(build("mixed"));
    }

    assertEquals(Status.BUILT, r.status(), r.message());
    assertEquals(List.of("linux-64/mixed-lib", "noarch/mixed-data"),
        r.packages().stream().map(p -> p.subdir() + "/" + p.name()).toList());
    for (BuiltPackage p : r.packages()) {
      assertTrue(p.file().getFileName().toString().endsWith(".tar.bz2"), "pkg_format 1 was passed on: " + p);
      assertEquals(p.subdir(), CondaArchive.indexJson(p.file()).get("subdir"));
      assertEquals(p.subdir(), TestRecipes.indexJsonByCph(runtime, channel, p.channelPath()) instanceof Map<?, ?> m
          ? m.get("subdir") : null);
      assertEquals(p.sha256(), repodataRecord(channel, p.subdir(), "packages", p.file().getFileName().toString())
          .get("sha256"));
    }
  }

  @Test
  void buildWithoutOutputIsAnErrorEvenWithOldPackagesInTheChannel(ContainerRuntime runtime) throws IOException {
    BuildResult empty;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).build(), new Recorder())) {
      assertEquals(Status.BUILT, b.build(build("one")).status());
      empty = b.build(build("empty"));
    }

    assertEquals(Status.NO_PACKAGES, empty.status());
    assertEquals(Optional.of(0), empty.exitCode());
    assertTrue(empty.message().contains("produced no package"), empty.message());
    assertTrue(empty.logTail().stream().anyMatch(l -> l.startsWith("Skipped: empty")), empty.logTail().toString());
  }

  @Test
  void configFilesAreCopiedIntoStagingAndPassedInOrder(ContainerRuntime runtime) throws IOException {
    Path first = Files.writeString(tmp.resolve("conda_build_config.yaml"), "python:\n  - '3.11'\nzlib:\n  - '1.2'\n");
    Path second = Files.writeString(tmp.resolve("bioconda_utils-conda_build_config.yaml"), "zlib:\n  - '1.3'\n");
    Recorder rec = new Recorder();
    BuildResult r;
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).configFile(first, "-e").configFile(second, "-e")
        .build(), rec)) {
      r = b.build(build("one"));
    }

    assertEquals(Status.BUILT, r.status(), r.message());
    String start = rec.events.stream().filter(e -> e.startsWith("start one")).findFirst().orElseThrow();
    assertTrue(start.matches(".* -e /opt/host-conda-bld/\\.recipe-builder-config-[0-9a-f]{8}/"
        + "conda_build_config_0_-e_conda_build_config\\.yaml -e /opt/host-conda-bld/\\.recipe-builder-config-[0-9a-f]{8}/"
        + "conda_build_config_1_-e_bioconda_utils-conda_build_config\\.yaml /opt/recipe 2>&1"), start);
    String used = new String(CondaArchive.infoFile(r.packages().get(0).file(), "info/recipe/conda_build_config.yaml"),
        StandardCharsets.UTF_8);
    assertTrue(used.contains("'3.11'") && used.contains("'1.3'") && !used.contains("'1.2'"), used);
  }

  @Test
  void timeoutKillsTheBuildAndRemovesItsContainer(ContainerRuntime runtime) {
    BuildResult r;
    long start = System.nanoTime();
    try (RecipeBuilder b = RecipeBuilder.open(runtime, spec(channel).buildCommandTemplate("echo waiting; sleep 120")
        .timeout(java.time.Duration.ofSeconds(3)).build(), new Recorder())) {
      r = b.build(build("one"));
    }

    assertEquals(Status.FAILED, r.status());
    assertEquals(Optional.empty(), r.exitCode());
    assertEquals("timed out after 3 s; container killed", r.message());
    assertTrue(r.logTail().contains("waiting"), r.logTail().toString());
    assertTrue(System.nanoTime() - start < 60_000_000_000L);
    // EngineExtension fails the class if the container were left behind
  }

  private static Map<?, ?> repodata(Path channel, String subdir) throws IOException {
    return JSON.readValue(channel.resolve(subdir).resolve("repodata.json").toFile(), Map.class);
  }

  private static Map<?, ?> repodataRecord(Path channel, String subdir, String key, String file) throws IOException {
    return (Map<?, ?>) ((Map<?, ?>) repodata(channel, subdir).get(key)).get(file);
  }
}
