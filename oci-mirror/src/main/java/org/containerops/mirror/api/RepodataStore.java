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
import org.containerops.runtime.transfer.LimitedInputStream;
import org.containerops.runtime.transfer.TempFiles;
import org.containerops.runtime.transfer.TransferException;

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
   * {@code +json+zst}); false when there is none. The layer's declared size and the decompressed size are
   * bounded by {@link org.containerops.mirror.registry.Limits#repodataBytes()}.
   *
   * @throws TransferException when a bound is passed or the blob does not match its descriptor
   */
  boolean download(String channel, String subdir, Path target) throws IOException {
    Optional<List<Descriptor>> layers = latest(channel, subdir);
    if (layers.isEmpty()) {
      return false;
    }
    String repo = repository(channel, subdir);
    long max = transfers.client.limits().repodataBytes();
    for (Descriptor d : layers.get()) {
      if (d.mediaType().equals(ManifestLayout.REPODATA)) {
        checkSize(repo, d, max);
        transfers.client.fetchBlob(repo, d.digest(), d.size(), target);
        return true;
      }
    }
    for (Descriptor d : layers.get()) {
      if (d.mediaType().equals(ManifestLayout.REPODATA_ZST)) {
        checkSize(repo, d, max);
        Path zst = TempFiles.createTemp(target.toAbsolutePath().getParent(), "repodata.json.zst");
        try {
          transfers.client.fetchBlob(repo, d.digest(), d.size(), zst);
          try (InputStream in = new LimitedInputStream(new ZstdInputStream(Files.newInputStream(zst)), max,
              repo + ":latest repodata.json.zst decompressed"); OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
          }
        } finally {
          TempFiles.discard(zst);
        }
        return true;
      }
    }
    return false;
  }

  private static void checkSize(String repo, Descriptor d, long max) throws TransferException {
    if (d.size() > max) {
      throw new TransferException(repo + ":latest declares a " + d.size() + "-byte repodata layer, more than the limit of "
          + max + " bytes (--max-repodata-bytes)");
    }
  }

  /** File names listed in the latest published repodata; empty when none. */
  Set<String> publishedFiles(String channel, String subdir, Path workDir) throws IOException {
    Path tmp = TempFiles.createTemp(workDir, "published-repodata.json");
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
      TempFiles.discard(tmp);
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
    Path zst = TempFiles.createTemp(json.toAbsolutePath().getParent(), "repodata.json.zst");
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
      TempFiles.discard(zst);
    }
  }
}
