package org.containerops.tagging.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.TargetImage;
import org.containerops.tagging.api.WriteManifestSpec;
import org.containerops.tagging.git.GitInfo;

/**
 * Wall time of write-manifest (all taggers + all manifests of one image, one container) through the
 * library in a warm JVM. Args: runs, registry, owner, image, parallelism. Prints one line: the times in ms.
 * Used by scripts/bench.d/40-image-tagging.sh.
 */
public final class TaggingBench {
  private TaggingBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    TargetImage target = new TargetImage(args[1], args[2], args[3], "default");
    GitInfo git = new GitInfo("8209386950497966c8a9aa446b9a84a5dd78eab5", "bench");
    Path dir = Files.createTempDirectory("tagging-bench-");
    List<Long> ms = new ArrayList<>();
    try (ContainerRuntime rt = ContainerRuntime.connect();
        ImageTagging t = ImageTagging.builder().runtime(rt).git(git).parallelism(Integer.parseInt(args[4])).build()) {
      WriteManifestSpec spec = new WriteManifestSpec(target, dir.resolve("h"), dir.resolve("m"), "o/r");
      t.writeManifest(spec); // warm-up
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        t.writeManifest(spec);
        ms.add((System.nanoTime() - start) / 1_000_000);
      }
      rt.awaitRemovals();
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.out.println(String.join(" ", ms.stream().map(String::valueOf).toList()));
  }
}
