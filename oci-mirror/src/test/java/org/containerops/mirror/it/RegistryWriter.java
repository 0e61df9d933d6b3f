package org.containerops.mirror.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.mirror.layout.ManifestLayout;
import org.containerops.mirror.registry.OciClient;

/** Writes crafted (hostile) artifacts into a real registry, as an attacker controlling it would. */
final class RegistryWriter {
  private final OciClient client;

  RegistryWriter(OciClient client) {
    this.client = client;
  }

  /** Publishes {@code json} as {@code <channel>/<subdir>/repodata.json:latest} (one {@code +json} layer). */
  void repodata(String channel, String subdir, String json) throws IOException {
    byte[] data = json.getBytes(StandardCharsets.UTF_8);
    String repo = channel + "/" + subdir + "/repodata.json";
    manifest(repo, "latest", List.of(blob(repo, data, ManifestLayout.REPODATA, "repodata.json")));
  }

  /** Uploads {@code data} and returns its layer descriptor titled {@code title}. */
  Descriptor blob(String repo, byte[] data, String mediaType, String title) throws IOException {
    String digest = sha256(data);
    client.pushBlob(repo, data, digest);
    return new Descriptor(mediaType, data.length, digest, Map.of(ManifestLayout.TITLE, title,
        ManifestLayout.CREATION_TIME, ManifestLayout.creationTime(ZonedDateTime.now())));
  }

  /** Pushes a v0 manifest (empty config uploaded too) of {@code layers} under {@code repo:tag}. */
  void manifest(String repo, String tag, List<Descriptor> layers) throws IOException {
    client.pushBlob(repo, new byte[0], ManifestLayout.EMPTY_DIGEST);
    client.pushManifest(repo, tag, ManifestLayout.manifest(layers));
  }

  static String sha256(byte[] data) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
