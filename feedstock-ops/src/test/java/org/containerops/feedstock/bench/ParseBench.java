package org.containerops.feedstock.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.containerops.feedstock.recipe.FeedstockNamesParser;
import org.containerops.feedstock.recipe.RecipeException;

/**
 * scripts/bench: native parse-package-and-feedstock-names over every fixture feedstock, in one JVM.
 * Prints {@code run N: <ms> ms} per pass (the first is cold), then per-feedstock warm times.
 * Arguments: the feedstocks directory, the number of passes.
 */
public final class ParseBench {
  private ParseBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    List<String> last = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      last.clear();
      long t0 = System.nanoTime();
      for (Path d : dirs) {
        long t = System.nanoTime();
        String outcome;
        try {
          outcome = FeedstockNamesParser.parse(d).packageNames().size() + " packages";
        } catch (RecipeException e) {
          outcome = "error";
        }
        last.add(String.format("%s: %.1f ms (%s)", d.getFileName(), (System.nanoTime() - t) / 1e6, outcome));
      }
      System.out.printf("run %d: %d ms for %d feedstocks%n", i, (System.nanoTime() - t0) / 1_000_000, dirs.size());
    }
    last.forEach(l -> System.out.println("  " + l));
  }
}
