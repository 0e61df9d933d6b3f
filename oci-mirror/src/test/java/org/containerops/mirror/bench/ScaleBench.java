package org.containerops.mirror.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorListener;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.mirror.registry.RetryPolicy;

/**
 * Issue 12 figures for one generated channel, printed as Markdown rows (never asserted): packages/s of
 * the first mirror, registry requests per archive counted in the registry's own access log (by method),
 * client CPU ms per archive, peak RSS of this JVM, and the unchanged re-run's seconds and PUTs. Usage:
 * {@code <host:port> <registry access log> <work dir> <packages> [payload bytes]}.
 */
public final class ScaleBench {
  private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(60), List.of(Duration.ofSeconds(1)));
  private static final Pattern REQUEST = Pattern.compile("\"(GET|HEAD|POST|PUT|PATCH|DELETE) /v2/[^ ]+");

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    String registry = args[0];
    Path log = Path.of(args[1]);
    Path work = Path.of(args[2]);
    int count = Integer.parseInt(args[3]);
    int payload = args.length > 4 ? Integer.parseInt(args[4]) : 16 * 1024;
    Path channel = work.resolve("scale-" + count);
    long bytes = GeneratedChannel.packages(channel, count, payload);
    String name = "scale" + count + "x" + Long.toHexString(System.nanoTime() & 0xffffff);
    MirrorSpec spec = MirrorSpec.builder().channel(name).channelUrl(channel.toUri()).subdirs(List.of("noarch"))
        .cacheDir(work.resolve("scale-cache")).build();
    try (CondaOci oci = CondaOci.connect(RegistryAddress.parse(registry + "/bench"), Optional.empty(), POLICY,
        MirrorListener.NONE)) {
      long logStart = Files.size(log);
      long cpu = cpu();
      MirrorResult first = oci.mirror(spec);
      long cpuMs = (cpu() - cpu) / 1_000_000;
      Thread.sleep(500);  // the registry writes its access log line after the response
      TreeMap<String, Integer> firstRequests = requests(log, logStart);
      long logAgain = Files.size(log);
      MirrorResult again = oci.mirror(spec);
      Thread.sleep(500);
      TreeMap<String, Integer> againRequests = requests(log, logAgain);
      int archives = first.pushed().size();
      double s = first.elapsed().toNanos() / 1e9;
      int total = firstRequests.values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf(Locale.ROOT, "| %d generated packages (%d MB), first mirror | %d pushed, %d failed | %.1f s | "
          + "%.0f pkg/s | %.2f requests/archive %s | %.1f client CPU ms/archive | peak RSS %d MB |%n",
          count, bytes >> 20, archives, first.failed().size(), s, archives / s, (double) total / Math.max(1, archives),
          firstRequests, (double) cpuMs / Math.max(1, archives), peakRssMb());
      System.out.printf(Locale.ROOT, "| same, unchanged re-run | %d pushed, %d present | %.2f s | %d PUTs, %d POSTs | %s |%n",
          again.pushed().size(), again.present(), again.elapsed().toNanos() / 1e9,
          againRequests.getOrDefault("PUT", 0), againRequests.getOrDefault("POST", 0), againRequests);
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** VmHWM of this process from /proc, in MB (-1 where there is no /proc). */
  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** Requests per method in the access log after byte offset {@code from}. */
  private static TreeMap<String, Integer> requests(Path log, long from) throws IOException {
    byte[] all = Files.readAllBytes(log);
    String tail = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
        StandardCharsets.UTF_8);
    TreeMap<String, Integer> out = new TreeMap<>();
    Matcher m = REQUEST.matcher(tail);
    while (m.find()) {
      out.merge(m.group(1), 1, Integer::sum);
    }
    return out;
  }
}
