package org.containerops.tagging.sbom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Commit;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * The CycloneDX {@value #SPEC_VERSION} JSON SBOM of an image (docker-stacks has none), written with
 * CycloneDX's own {@code cyclonedx-core-java}. Layout:
 * <ul>
 *   <li>{@code metadata.component}: the image, type {@code container}, name {@code registry/owner/image},
 *       version = the commit hash tag, SHA-256 hash = the image id; pedigree commit = the git commit; properties
 *       {@code containerops:image:id}, {@code containerops:image:repoDigest} (each), {@code containerops:git:commit};</li>
 *   <li>{@code metadata.properties}: {@code containerops:sbom:tool:<name>} = {@code found} / {@code not found} for
 *       each package manager tried, and {@code containerops:sbom:count:<apt|conda|pip>};</li>
 *   <li>{@code components}: apt, then conda, then pip packages, type {@code library}, bom-ref = purl, property
 *       {@code containerops:source} = {@code apt|conda|pip}.</li>
 * </ul>
 * The serial number is a name-based UUID of image id, commit and timestamp, so the same inputs give the
 * same bytes.
 */
public final class CycloneDxSbom {
  /** The CycloneDX specification version written. */
  public static final String SPEC_VERSION = "1.6";
  /** The library's version constant for {@link #SPEC_VERSION}. */
  public static final Version VERSION = Version.VERSION_16;

  private CycloneDxSbom() {}

  /**
   * The SBOM as pretty-printed JSON.
   *
   * @param toolVersion this tool's version for {@code metadata.tools}
   * @throws TaggingException {@code IO} when the library cannot serialise the document
   */
  public static String json(SbomSubject subject, SbomInventory inventory, String toolVersion) {
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((subject.imageId() + "\n" + subject.git().commitHash()
        + "\n" + subject.buildTimestamp()).getBytes(StandardCharsets.UTF_8)));
    bom.setVersion(1);
    Metadata md = new Metadata();
    md.setTimestamp(Date.from(subject.buildTimestamp()));
    md.setComponent(imageComponent(subject));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setGroup("org.containerops");
    tool.setName("image-tagging");
    tool.setVersion(toolVersion);
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    md.setToolChoice(tools);
    List<Property> props = new ArrayList<>();
    for (Map.Entry<String, Boolean> t : inventory.tools().entrySet()) {
      props.add(property("containerops:sbom:tool:" + t.getKey(), t.getValue() ? "found" : "not found"));
    }
    props.add(property("containerops:sbom:count:apt", String.valueOf(inventory.apt().size())));
    props.add(property("containerops:sbom:count:conda", String.valueOf(inventory.conda().size())));
    props.add(property("containerops:sbom:count:pip", String.valueOf(inventory.pip().size())));
    md.setProperties(props);
    bom.setMetadata(md);
    List<Component> components = new ArrayList<>();
    java.util.Set<String> refs = new java.util.HashSet<>();
    for (List<SbomPackage> section : List.of(inventory.apt(), inventory.conda(), inventory.pip())) {
      for (SbomPackage p : section) {
        if (refs.add(p.purl())) {
          components.add(packageComponent(p));
        }
      }
    }
    bom.setComponents(components);
    try {
      return BomGeneratorFactory.createJson(VERSION, bom).toJsonString() + "\n";
    } catch (GeneratorException e) {
      throw new TaggingException(Reason.IO, "cannot write the CycloneDX SBOM of " + subject.image() + ": "
          + e.getMessage(), e);
    }
  }

  private static Component imageComponent(SbomSubject s) {
    Component c = new Component();
    c.setType(Component.Type.CONTAINER);
    c.setBomRef(s.image() + "@" + s.imageId());
    c.setName(s.image());
    c.setVersion(s.git().commitHashTag());
    c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, s.imageId().substring("sha256:".length()))));
    Commit commit = new Commit();
    commit.setUid(s.git().commitHash());
    commit.setUrl("https://github.com/" + s.repository() + "/commit/" + s.git().commitHash());
    commit.setMessage(s.git().commitMessage());
    Pedigree pedigree = new Pedigree();
    pedigree.setCommits(List.of(commit));
    c.setPedigree(pedigree);
    List<Property> props = new ArrayList<>();
    props.add(property("containerops:image:id", s.imageId()));
    s.repoDigests().forEach(d -> props.add(property("containerops:image:repoDigest", d)));
    props.add(property("containerops:git:commit", s.git().commitHash()));
    c.setProperties(props);
    return c;
  }

  private static Component packageComponent(SbomPackage p) {
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setBomRef(p.purl());
    c.setName(p.name());
    c.setVersion(p.version());
    c.setPurl(p.purl());
    c.setProperties(List.of(property("containerops:source", p.source().name().toLowerCase(java.util.Locale.ROOT))));
    return c;
  }

  private static Property property(String name, String value) {
    Property p = new Property();
    p.setName(name);
    p.setValue(value);
    return p;
  }
}
