package org.containerops.mirror.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.containerops.mirror.channel.ChannelSource;

/** Generates real (small) conda packages and repodata for benchmarks. */
public final class GeneratedChannel {
  private GeneratedChannel() {}

  /**
   * Writes {@code count} {@code .tar.bz2} packages ({@code info/index.json}, {@code info/paths.json}, a
   * payload of {@code payloadBytes} pseudo-random bytes) into {@code <root>/noarch} with a repodata.json.
   *
   * @return total archive bytes
   */
  public static long packages(Path root, int count, int payloadBytes) throws IOException {
    Path noarch = Files.createDirectories(root.resolve("noarch"));
    Random random = new Random(7);
    long total = 0;
    JsonFactory json = new JsonFactory();
    try (OutputStream repodata = Files.newOutputStream(noarch.resolve("repodata.json"));
        JsonGenerator g = json.createGenerator(repodata)) {
      g.writeStartObject();
      g.writeObjectFieldStart("info");
      g.writeStringField("subdir", "noarch");
      g.writeEndObject();
      g.writeObjectFieldStart("packages");
      for (int i = 0; i < count; i++) {
        String name = "bench-pkg-" + (i % 500);
        String version = "1." + (i / 500);
        String build = "h" + Integer.toHexString(0x1000000 + i) + "_0";
        String file = name + "-" + version + "-" + build + ".tar.bz2";
        Path p = noarch.resolve(file);
        String index = "{\"build\": \"" + build + "\", \"build_number\": 0, \"depends\": [], \"name\": \"" + name
            + "\", \"noarch\": \"generic\", \"subdir\": \"noarch\", \"version\": \"" + version + "\"}";
        byte[] payload = new byte[payloadBytes];
        random.nextBytes(payload);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BZip2CompressorOutputStream(Files.newOutputStream(p)))) {
          entry(tar, "info/index.json", index.getBytes(StandardCharsets.UTF_8));
          entry(tar, "info/paths.json", "{\"paths\": [{\"_path\": \"share/payload.bin\"}], \"paths_version\": 1}"
              .getBytes(StandardCharsets.UTF_8));
          entry(tar, "share/payload.bin", payload);
        }
        long size = Files.size(p);
        total += size;
        g.writeObjectFieldStart(file);
        g.writeStringField("build", build);
        g.writeNumberField("build_number", 0);
        g.writeArrayFieldStart("depends");
        g.writeEndArray();
        g.writeStringField("md5", ChannelSource.hash(p, "MD5"));
        g.writeStringField("name", name);
        g.writeStringField("sha256", ChannelSource.hash(p, "SHA-256"));
        g.writeNumberField("size", size);
        g.writeStringField("subdir", "noarch");
        g.writeStringField("version", version);
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("packages.conda");
      g.writeEndObject();
      g.writeNumberField("repodata_version", 1);
      g.writeEndObject();
    }
    return total;
  }

  private static void entry(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  /** Streams a repodata.json of at least {@code minBytes} with conda-forge-like records (no archives). */
  static long repodata(Path file, long minBytes) throws IOException {
    Random random = new Random(11);
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("info");
      g.writeStringField("subdir", "linux-64");
      g.writeEndObject();
      g.writeObjectFieldStart("packages.conda");
      long i = 0;
      while (true) {
        g.flush();
        if (Files.size(file) >= minBytes) {
          break;
        }
        String name = "pkg-" + (i % 30000);
        String version = (i / 30000) + "." + random.nextInt(20) + "." + random.nextInt(10);
        String build = "py3" + random.nextInt(13) + "h" + Long.toHexString(random.nextLong() & 0xffffffffL) + "_" + random.nextInt(3);
        g.writeObjectFieldStart(name + "-" + version + "-" + build + ".conda");
        g.writeStringField("build", build);
        g.writeNumberField("build_number", random.nextInt(3));
        g.writeArrayFieldStart("depends");
        for (int d = 0; d < 8; d++) {
          g.writeString("dep-" + random.nextInt(30000) + " >=" + random.nextInt(5) + "." + random.nextInt(20) + ",<" + (random.nextInt(5) + 5));
        }
        g.writeEndArray();
        g.writeStringField("license", "BSD-3-Clause");
        g.writeStringField("md5", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
        g.writeStringField("name", name);
        g.writeStringField("sha256", Long.toHexString(random.nextLong()).repeat(4));
        g.writeNumberField("size", 10000 + random.nextInt(1000000));
        g.writeStringField("subdir", "linux-64");
        g.writeNumberField("timestamp", 1700000000000L + i);
        g.writeStringField("version", version);
        g.writeEndObject();
        i++;
      }
      g.writeEndObject();
      g.writeObjectFieldStart("packages");
      g.writeEndObject();
      g.writeNumberField("repodata_version", 1);
      g.writeEndObject();
    }
    return Files.size(file);
  }
}
