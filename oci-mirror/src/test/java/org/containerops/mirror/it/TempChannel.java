package org.containerops.mirror.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.containerops.mirror.channel.ChannelSource;
import org.containerops.mirror.conda.PackageFileName;

/** Writes a {@code repodata.json} for the archives of a temp subdir (records as conda index would, minus depends). */
final class TempChannel {
  private TempChannel() {}

  static void index(Path subdir) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.putObject("info").put("subdir", subdir.getFileName().toString());
    ObjectNode tarBz2 = root.putObject("packages");
    ObjectNode conda = root.putObject("packages.conda");
    try (Stream<Path> s = Files.list(subdir)) {
      for (Path p : s.sorted().toList()) {
        String f = p.getFileName().toString();
        if (!f.endsWith(".conda") && !f.endsWith(".tar.bz2")) {
          continue;
        }
        PackageFileName n = PackageFileName.parse(f);
        ObjectNode r = (f.endsWith(".conda") ? conda : tarBz2).putObject(f);
        r.put("build", n.build()).put("build_number", 0).put("name", n.name()).put("version", n.version());
        r.put("md5", ChannelSource.hash(p, "MD5")).put("sha256", ChannelSource.hash(p, "SHA-256")).put("size", Files.size(p));
        r.put("subdir", subdir.getFileName().toString());
      }
    }
    root.putArray("removed");
    root.put("repodata_version", 1);
    m.writerWithDefaultPrettyPrinter().writeValue(subdir.resolve("repodata.json").toFile(), root);
  }
}
