package org.containerops.mirror.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.containerops.mirror.conda.ArchiveFormat;
import org.containerops.mirror.layout.Descriptor;
import org.containerops.mirror.layout.ManifestLayout;
import org.containerops.mirror.registry.OciClient;
import org.containerops.mirror.registry.RegistryCallException;
import org.containerops.mirror.tags.TagCodec;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;

/**
 * Read access to the packages of one {@code <channel>/<subdir>}; upstream {@code PackageRepo}
 * ({@code repo.py:141-234}). References are {@code name:version-build} with the tag decoded or encoded;
 * the {@code zzz} prefix and the encoding are applied here (upstream left both to the caller). Packages
 * have no {@code latest} tag, so a tag is required.
 */
public final class PackageRepo {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final OciClient client;
  private final String prefix;

  PackageRepo(OciClient client, String channel, String subdir) {
    this.client = client;
    this.prefix = channel + "/" + subdir;
  }

  /**
   * The package's {@code info/index.json}.
   *
   * @throws MirrorException NOT_FOUND when the tag or layer does not exist, REGISTRY on other failures
   */
  public JsonNode indexJson(String nameTag) {
    try {
      return MAPPER.readTree(layerBytes(nameTag, ManifestLayout.INDEX));
    } catch (IOException e) {
      throw fail(nameTag, e);
    }
  }

  /** Member names of the {@code info.tar.gz} layer, in archive order. @throws MirrorException as {@link #indexJson} */
  public List<String> infoMembers(String nameTag) {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GZIPInputStream(new ByteArrayInputStream(layerBytes(nameTag, ManifestLayout.INFO))))) {
      List<String> out = new ArrayList<>();
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        out.add(e.getName());
      }
      return out;
    } catch (IOException e) {
      throw fail(nameTag, e);
    }
  }

  /**
   * Downloads the package archive into {@code dir} under its layer title: the {@code .conda} layer when
   * there is one, else the {@code .tar.bz2} (upstream tried {@code .tar.bz2} first).
   *
   * @return the written file
   * @throws MirrorException NOT_FOUND when there is no archive layer; UNSAFE_NAME when the layer's title
   *     (from the registry) is not a conda file name that stays in {@code dir} (nothing is written)
   */
  public Path fetchPackage(String nameTag, Path dir) {
    try {
      Ref r = ref(nameTag);
      List<Descriptor> layers = layers(r);
      for (ArchiveFormat f : ArchiveFormat.values()) {  // CONDA first
        for (Descriptor d : layers) {
          if (d.mediaType().equals(f.mediaType())) {
            String title = d.annotations().getOrDefault(ManifestLayout.TITLE, r.name + f.extension());
            Path target;
            try {  // the title comes from the registry: a conda file name in dir, or nothing is written
              target = ConfinedPath.resolveCondaFile(dir, title);
            } catch (UnsafePathException e) {
              throw new MirrorException(MirrorException.Reason.UNSAFE_NAME, prefix + "/" + nameTag + ": layer title "
                  + e.getMessage(), e);
            }
            client.fetchBlob(r.repo, d.digest(), d.size(), target);
            return target;
          }
        }
      }
      throw new MirrorException(MirrorException.Reason.NOT_FOUND, prefix + "/" + nameTag + " has no package archive layer", null);
    } catch (IOException e) {
      throw fail(nameTag, e);
    }
  }

  private byte[] layerBytes(String nameTag, String mediaType) throws IOException {
    Ref r = ref(nameTag);
    for (Descriptor d : layers(r)) {
      if (d.mediaType().equals(mediaType)) {
        return client.fetchBlobBytes(r.repo, d.digest(), d.size());
      }
    }
    throw new MirrorException(MirrorException.Reason.NOT_FOUND, prefix + "/" + nameTag + " has no " + mediaType + " layer", null);
  }

  private List<Descriptor> layers(Ref r) throws IOException {
    return client.manifest(r.repo, r.tag).orElseThrow(() -> new MirrorException(MirrorException.Reason.NOT_FOUND,
        "no package " + client.address().repository(r.repo) + ":" + r.tag + " in " + client.address().host(), null));
  }

  private Ref ref(String nameTag) {
    int colon = nameTag.indexOf(':');
    if (colon <= 0 || colon == nameTag.length() - 1) {
      throw new IllegalArgumentException("package: want name:version-build, got " + nameTag);
    }
    String name = nameTag.substring(0, colon);
    String tag = TagCodec.encode(nameTag.substring(colon + 1));
    return new Ref(name, prefix + "/" + TagCodec.repositoryComponent(name), tag);
  }

  private MirrorException fail(String nameTag, IOException e) {
    MirrorException.Reason reason = e instanceof RegistryCallException r && (r.status() == 401 || r.status() == 403)
        ? MirrorException.Reason.UNAUTHORIZED : MirrorException.Reason.REGISTRY;
    return new MirrorException(reason, prefix + "/" + nameTag + ": " + e.getMessage(), e);
  }

  private record Ref(String name, String repo, String tag) {}

}
