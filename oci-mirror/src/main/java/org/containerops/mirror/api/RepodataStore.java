package org.containerops.mirror.api;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.containerops.mirror.channel.ChannelSource;
import org.containerops.mirror.conda.Repodata;
import org.containerops.mirror.conda.RepodataEntry;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.mirror.layout.ManifestLayout;

/**
 * The {@code <channel>/<subdir>/repodata.json} artifact: reading {@code latest} and publishing a new
 * one with a {@code +json} and a {@code +json+zst} layer (zstd level 15) under a UTC timestamp tag and
 * {@code latest} ({@code repo.py:267-316}). The zst layer is titled {@code repodata.json.zst} (upstream
 * titles both {@code repodata.json}).
 */
final class RepodataStore {
  static final String LATEST = "latest";
  private final Transfers transfers;

  RepodataStore(Transfers transfers) {
    this.transfers = transfers;
  }

  static String repository(String channel, String subdir) {
    return channel + "/" + subdir + "/repodata.json";
  }

  /** The layers of {@code repodata.json:latest}, empty when never published. */
  Optional<List<Descriptor>> latest(String channel, String subdir) throws IOException {
    return transfers.client.manifest(repository(channel, subdir), LATEST);
  }

  /**
   * Downloads the latest repodata to {@code target} (from the {@code +json} layer, else by decompressing
   * {@code +json+zst}); false when there is none.
   */
  boolean download(String channel, String subdir, Path target) throws IOException {
    Optional<List<Descriptor>> layers = latest(channel, subdir);
    if (layers.isEmpty()) {
      return false;
    }
    String repo = repository(channel, subdir);
    for (Descriptor d : layers.get()) {
      if (d.mediaType().equals(ManifestLayout.REPODATA)) {
        transfers.client.fetchBlob(repo, d.digest(), d.size(), target);
        return true;
      }
    }
    for (Descriptor d : layers.get()) {
      if (d.mediaType().equals(ManifestLayout.REPODATA_ZST)) {
        Path zst = target.resolveSibling(target.getFileName() + ".zst");
        try {
          transfers.client.fetchBlob(repo, d.digest(), d.size(), zst);
          try (InputStream in = new ZstdInputStream(Files.newInputStream(zst));
              OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
          }
        } finally {
          Files.deleteIfExists(zst);
        }
        return true;
      }
    }
    return false;
  }

  /** File names listed in the latest published repodata; empty when none. */
  Set<String> publishedFiles(String channel, String subdir, Path workDir) throws IOException {
    Path tmp = Files.createTempFile(workDir, ".published-", ".json");
    try {
      if (!download(channel, subdir, tmp)) {
        return Set.of();
      }
      Set<String> out = new HashSet<>();
      try (InputStream in = Files.newInputStream(tmp)) {
        for (RepodataEntry e : Repodata.read(in)) {
          out.add(e.fileName());
        }
      }
      return out;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Publishes {@code json} unless {@code latest} already has exactly these bytes.
   *
   * @return the tags pushed, empty when unchanged
   */
  List<String> publish(String channel, String subdir, Path json, ZonedDateTime now) throws IOException {
    String repo = repository(channel, subdir);
    String sha = "sha256:" + ChannelSource.hash(json, "SHA-256");
    Optional<List<Descriptor>> current = latest(channel, subdir);
    if (current.isPresent() && current.get().stream().anyMatch(d -> d.digest().equals(sha)
        && d.mediaType().equals(ManifestLayout.REPODATA))) {
      return List.of();
    }
    Path zst = json.resolveSibling(json.getFileName() + ".zst");
    try {
      try (InputStream in = Files.newInputStream(json); OutputStream out = new ZstdOutputStream(Files.newOutputStream(zst), 15)) {
        in.transferTo(out);
      }
      String zsha = "sha256:" + ChannelSource.hash(zst, "SHA-256");
      String created = ManifestLayout.creationTime(now);
      transfers.blob(repo, json, sha, Files.size(json));
      transfers.blob(repo, zst, zsha, Files.size(zst));
      transfers.blob(repo, new byte[0], ManifestLayout.EMPTY_DIGEST);
      byte[] manifest = ManifestLayout.manifest(List.of(
          ManifestLayout.titledLayer(ManifestLayout.REPODATA, Files.size(json), sha, "repodata.json", created),
          ManifestLayout.titledLayer(ManifestLayout.REPODATA_ZST, Files.size(zst), zsha, "repodata.json.zst", created)));
      String stamp = now.withZoneSameInstant(ZoneOffset.UTC).format(ManifestLayout.REPODATA_TAG_FORMAT);
      transfers.manifest(repo, stamp, manifest);
      transfers.manifest(repo, LATEST, manifest);
      return List.of(stamp, LATEST);
    } finally {
      Files.deleteIfExists(zst);
    }
  }
}
