package org.containerops.mirror.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.containerops.mirror.channel.ChannelSource;
import org.containerops.mirror.conda.ArchiveFormat;
import org.containerops.mirror.conda.PackageFileName;
import org.containerops.mirror.conda.PackageInfo;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.mirror.layout.ManifestLayout;

/**
 * Pushes one {@code repository:tag}: the archive layer(s), {@code info.tar.gz}, {@code info/index.json},
 * the empty config and the manifest, in upstream's layer order ({@code package.py:190-222}). With two
 * archives (same version-build) both archive layers come first, {@code .conda} first.
 */
final class PackagePusher {
  private final Transfers transfers;
  private final String created;

  PackagePusher(Transfers transfers, ZonedDateTime now) {
    this.transfers = transfers;
    this.created = ManifestLayout.creationTime(now);
  }

  /**
   * Pushes the archives (one or two formats; the first is read for {@code info/}).
   *
   * @return bytes uploaded and the {@code info/index.json} bytes
   * @throws org.containerops.mirror.conda.CorruptPackageException when an archive cannot be read
   */
  Pushed push(String repository, String tag, List<Path> archives) throws IOException {
    List<Descriptor> layers = new ArrayList<>();
    long bytes = 0;
    PackageInfo info = null;
    String stem = null;
    for (Path archive : archives) {
      PackageFileName f = PackageFileName.parse(archive.getFileName().toString());
      PackageInfo read = PackageInfo.read(archive, f.format());  // every archive must be readable
      if (info == null) {
        info = read;
        stem = f.stem();
      }
      String sha = "sha256:" + ChannelSource.hash(archive, "SHA-256");
      long size = Files.size(archive);
      bytes += transfers.blob(repository, archive, sha, size);
      layers.add(ManifestLayout.archiveLayer(f.format().mediaType(), size, sha, ChannelSource.hash(archive, "MD5"),
          f.fileName(), created));
    }
    String infoDigest = digest(info.infoTarGz());
    bytes += transfers.blob(repository, info.infoTarGz(), infoDigest);
    layers.add(ManifestLayout.titledLayer(ManifestLayout.INFO, info.infoTarGz().length, infoDigest,
        stem + "/info.tar.gz", created));
    String indexDigest = digest(info.indexJson());
    bytes += transfers.blob(repository, info.indexJson(), indexDigest);
    layers.add(ManifestLayout.titledLayer(ManifestLayout.INDEX, info.indexJson().length, indexDigest,
        stem + "/info/index.json", created));
    bytes += transfers.blob(repository, new byte[0], ManifestLayout.EMPTY_DIGEST);
    transfers.manifest(repository, tag, ManifestLayout.manifest(layers));
    return new Pushed(bytes, info.indexJson());
  }

  /** What one push did. */
  record Pushed(long bytes, byte[] indexJson) {}

  /** The archive formats a manifest carries. */
  static List<ArchiveFormat> formats(List<Descriptor> layers) {
    List<ArchiveFormat> out = new ArrayList<>();
    layers.forEach(l -> ArchiveFormat.ofMediaType(l.mediaType()).ifPresent(out::add));
    return out;
  }

  static String digest(byte[] data) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
