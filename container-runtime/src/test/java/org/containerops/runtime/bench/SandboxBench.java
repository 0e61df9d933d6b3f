package org.containerops.runtime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.Limits;
import org.containerops.runtime.api.SandboxSpec;

/**
 * Benchmark for {@code scripts/bench}: N sandboxed operations through container-runtime against the
 * same operation as {@code docker run --rm} with the same lock-down flags, started from bash. Prints
 * p50/p90/mean wall times and the ratio (target: p50 ratio at most 0.9). Not a test; run with
 * {@code java -cp <cli jar>:<test classes> org.containerops.runtime.bench.SandboxBench [N] [image]}.
 */
public final class SandboxBench {
  private static final String SCRIPT = "echo '{\"data\": {\"ok\": true}}'";

  private SandboxBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    String image = args.length > 1 ? args[1] : "containerops/test-sandbox:latest";
    Limits l = Limits.defaults();
    String shell = String.join(" ", "docker run --rm --network none --read-only --cap-drop=all",
        "--security-opt=no-new-privileges",
        "--mount type=tmpfs,destination=/tmp,tmpfs-mode=1777,tmpfs-size=" + l.tmpfsBytes(),
        "-m " + l.memoryBytes() + "b --cpus 1 --pids-limit " + l.pidsLimit(),
        "--ulimit nofile=" + l.nofile() + ":" + l.nofile() + " --ulimit nproc=" + l.nproc() + ":" + l.nproc(),
        image, "sh -c \"" + SCRIPT.replace("\"", "\\\"") + "\" >/dev/null");
    List<Long> runtime = new ArrayList<>();
    List<Long> cli = new ArrayList<>();
    try (ContainerRuntime rt = ContainerRuntime.connect()) {
      SandboxSpec spec = SandboxSpec.builder(image).command("sh", "-c", SCRIPT).build();
      rt.run(spec); // warm-up: JIT, connection pool
      bash(shell);
      for (int i = 0; i < n; i++) { // interleaved, so both see the same machine state
        long t0 = System.nanoTime();
        if (!rt.run(spec).data().get("ok").asBoolean()) {
          throw new IllegalStateException("unexpected reply");
        }
        runtime.add(System.nanoTime() - t0);
        long t1 = System.nanoTime();
        bash(shell);
        cli.add(System.nanoTime() - t1);
      }
    }
    System.out.println("### container-runtime: " + n + " sandboxed operations (" + image + ")");
    System.out.println();
    System.out.println("| path | p50 ms | p90 ms | mean ms |");
    System.out.println("|---|---:|---:|---:|");
    row("container-runtime (docker-java, in-process)", runtime);
    row("`docker run --rm` from bash, same flags", cli);
    double ratio50 = pct(runtime, 50) / pct(cli, 50);
    double ratio90 = pct(runtime, 90) / pct(cli, 90);
    System.out.printf("%n- ratio container-runtime / docker run: p50 **%.2f**, p90 **%.2f** (target p50 <= 0.90): %s%n",
        ratio50, ratio90, ratio50 <= 0.9 ? "met" : "NOT met");
    summary("container-runtime", n + " sandboxed operations, p50", String.format(Locale.ROOT, "%.0f ms", pct(runtime, 50)),
        String.format(Locale.ROOT, "%.2f x docker run --rm", ratio50), "<= 0.90");
  }

  /** Appends one line to the bench summary scripts/bench.d/99-summary.sh prints ($BENCH_SUMMARY). */
  static void summary(String tool, String figure, String value, String ratio, String target) throws IOException {
    Path file = Path.of(System.getenv().getOrDefault("BENCH_SUMMARY", "target/bench-summary.tsv"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, String.join("\t", tool, figure, value, ratio, target) + "\n",
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void bash(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("docker run failed: " + command);
    }
  }

  private static void row(String name, List<Long> nanos) {
    System.out.printf("| %s | %.0f | %.0f | %.0f |%n", name, pct(nanos, 50), pct(nanos, 90),
        nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6);
  }

  /** Nearest-rank percentile, in milliseconds. */
  private static double pct(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }
}
