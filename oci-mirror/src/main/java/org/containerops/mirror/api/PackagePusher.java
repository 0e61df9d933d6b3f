package org.containerops.mirror.api;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.containerops.mirror.conda.ArchiveDigests;
import org.containerops.mirror.conda.ArchiveFormat;
import org.containerops.mirror.conda.PackageFileName;
import org.containerops.mirror.conda.PackageInfo;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.mirror.layout.ManifestLayout;
import org.containerops.mirror.registry.RegistryCallException;

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
  Pushed push(String repository, String tag, List<Archive> archives) throws IOException {
    List<Descriptor> layers = new ArrayList<>();
    long bytes = 0;
    PackageInfo info = null;
    String stem = null;
    for (Archive archive : archives) {
      PackageFileName f = PackageFileName.parse(archive.path().getFileName().toString());
      PackageInfo read = archive.checked()  // every archive must be readable
          ? PackageInfo.readInfo(archive.path(), f.format()) : PackageInfo.read(archive.path(), f.format());
      if (info == null) {
        info = read;
        stem = f.stem();
      }
      ArchiveDigests d = archive.digests();
      bytes += transfers.blob(repository, archive.path(), d.digest(), d.size());
      layers.add(ManifestLayout.archiveLayer(f.format().mediaType(), d.size(), d.digest(), d.md5(), f.fileName(), created));
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
    byte[] manifest = ManifestLayout.manifest(layers);
    try {
      transfers.manifest(repository, tag, manifest);
    } catch (RegistryCallException e) {
      if (e.status() != 400 || e.getMessage() == null || !e.getMessage().contains("MANIFEST_BLOB_UNKNOWN")) {
        throw e;
      }
      // another client uploading the same blob into this repository at the same moment can leave
      // distribution 2.8 without it ("blob unknown"): check each blob once more, upload what is gone
      for (Archive a : archives) {
        transfers.client.pushBlob(repository, a.path(), a.digests().digest(), true);
      }
      transfers.client.pushBlob(repository, info.infoTarGz(), infoDigest, true);
      transfers.client.pushBlob(repository, info.indexJson(), indexDigest, true);
      transfers.client.pushBlob(repository, new byte[0], ManifestLayout.EMPTY_DIGEST, true);
      transfers.manifest(repository, tag, manifest);
    }
    return new Pushed(bytes, info.indexJson());
  }

  /**
   * One archive to push.
   *
   * @param digests computed while it was downloaded or read once (never hashed again)
   * @param checked its sha256 matched a repodata record during the download: only {@code info/} is read
   *     (else the whole archive, to find corruption)
   */
  record Archive(Path path, ArchiveDigests digests, boolean checked) {}

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
