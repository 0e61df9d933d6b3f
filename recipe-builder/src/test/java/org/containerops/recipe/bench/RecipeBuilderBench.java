package org.containerops.recipe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.containerops.recipe.TestRecipes;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.RecipeBuilder;
import org.containerops.recipe.api.RecipeBuilderListener;
import org.containerops.recipe.staging.DirectoryTree;
import org.containerops.recipe.api.DefaultTemplates;
import org.containerops.runtime.ContainerRuntime;

/**
 * scripts/bench part: (1) image-build time of a first and a second run with the same Dockerfile
 * (--build-image --keep-image; the second reuses the content tag); (2) per-recipe overhead = the
 * recipe's wall time in the library minus the build command's own time reported from inside the
 * container, over N builds of the "one" test recipe with the conda-build test double. Prints Markdown.
 */
public final class RecipeBuilderBench {
  private RecipeBuilderBench() {}

  /** @param args the number of recipe builds (default 5) */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String dockerfile = DefaultTemplates.DOCKERFILE + "# bench " + UUID.randomUUID() + "\n";
    Path tmp = Files.createTempDirectory("recipe-builder-bench-");
    List<Long> imageMs = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    List<Long> commands = new ArrayList<>();
    String contentTag = null;
    try (ContainerRuntime runtime = ContainerRuntime.connect()) {
      try {
        for (int i = 0; i < 2; i++) {
          long start = System.nanoTime();
          try (RecipeBuilder b = RecipeBuilder.open(runtime, TestRecipes.spec(tmp.resolve("channel")).buildImage(true)
              .keepImage(true).dockerfileTemplate(dockerfile).build(), RecipeBuilderListener.NONE)) {
            imageMs.add((System.nanoTime() - start) / 1_000_000);
            contentTag = b.image().orElseThrow().contentTag();
            if (i == 1) {
              b.build(TestRecipes.build("one")); // warm-up
              for (int k = 0; k < runs; k++) {
                BuildResult r = b.build(TestRecipes.build("one"));
                if (r.failed() || r.commandTook().isEmpty()) {
                  throw new IllegalStateException("bench build failed: " + r.message());
                }
                totals.add(r.took().toMillis());
                commands.add(r.commandTook().map(Duration::toMillis).orElseThrow());
              }
            }
          }
        }
      } finally {
        if (contentTag != null) {
          runtime.images().remove(contentTag, false);
        }
        DirectoryTree.delete(tmp);
      }
    }
    List<Long> overhead = new ArrayList<>();
    for (int i = 0; i < totals.size(); i++) {
      overhead.add(totals.get(i) - commands.get(i));
    }
    System.out.println("## recipe-builder");
    System.out.println();
    System.out.println("`open()` with `--build-image --keep-image` (same Dockerfile twice; USER mode: includes the one"
        + " container that reads the image's conda set-up):");
    System.out.println();
    System.out.println("| run | open() (ms) |");
    System.out.println("|---|---|");
    System.out.printf("| first (builds %s) | %d |%n", contentTag, imageMs.get(0));
    System.out.printf("| second (reuses it) | %d |%n", imageMs.get(1));
    System.out.println();
    System.out.printf("Per-recipe cost over %d builds of `one` with the conda-build test double (after a warm-up):%n", runs);
    System.out.println();
    System.out.println("| figure | p50 (ms) | min | max |");
    System.out.println("|---|---|---|---|");
    row("recipe wall time in the library", totals);
    row("build command inside the container", commands);
    row("overhead (wall - command)", overhead);
    List<Long> sorted = new ArrayList<>(overhead);
    Collections.sort(sorted);
    summary("recipe-builder", "per-recipe overhead (wall - build command), p50", sorted.get(sorted.size() / 2) + " ms",
        "-", "-");
    summary("recipe-builder", "open(), second run (image reused; USER mode reads its conda set-up once)",
        imageMs.get(1) + " ms", "first run " + imageMs.get(0) + " ms", "no image rebuild");
  }

  /** Appends one line to the bench summary scripts/bench.d/99-summary.sh prints ($BENCH_SUMMARY). */
  private static void summary(String tool, String figure, String value, String ratio, String target)
      throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Path.of(
        System.getenv().getOrDefault("BENCH_SUMMARY", "target/bench-summary.tsv"));
    java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
    java.nio.file.Files.writeString(file, String.join("\t", tool, figure, value, ratio, target) + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  private static void row(String name, List<Long> values) {
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    System.out.printf("| %s | %d | %d | %d |%n", name, v.get(v.size() / 2), v.get(0), v.get(v.size() - 1));
  }
}
