package org.containerops.tagging.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.containerops.tagging.sbom.SbomPackage.Source;
import org.containerops.tagging.text.PythonText;

/**
 * Parses the package managers' listings into {@link SbomPackage}s with package URLs (purl spec types
 * {@code deb}, {@code conda}, {@code pypi}). Pure: no I/O. Output keeps the listing's order; a purl listed
 * twice is kept once.
 */
public final class PackageLists {
  /** The {@code dpkg-query} format: status abbreviation, name, version, architecture, tab-separated. */
  public static final String DPKG_FORMAT = "${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Architecture}\\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PackageLists() {}

  /**
   * Installed packages from {@code dpkg-query -W --showformat=}{@link #DPKG_FORMAT}: rows whose status is
   * installed ({@code ?i}), as {@code pkg:deb/<distro>/<name>@<version>?arch=<arch>&distro=<distro>-<ver>}.
   *
   * @param distro os-release {@code ID} (e.g. {@code debian}, {@code ubuntu})
   * @param distroVersion os-release {@code VERSION_ID}, or empty
   * @throws IllegalArgumentException naming the row when a row does not have four fields
   */
  public static List<SbomPackage> dpkg(String output, String distro, String distroVersion) {
    Map<String, SbomPackage> out = new LinkedHashMap<>();
    for (String row : PythonText.splitlines(output)) {
      if (row.isBlank()) {
        continue;
      }
      String[] f = row.split("\t", -1);
      if (f.length != 4) {
        throw new IllegalArgumentException("dpkg-query row: want status, name, version, arch; got: " + row);
      }
      if (f[0].length() < 2 || f[0].charAt(1) != 'i') {
        continue; // not installed (config files only, half-installed...)
      }
      PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType("deb").withNamespace(distro).withName(f[1])
          .withVersion(f[2]).withQualifier("arch", f[3]);
      if (!distroVersion.isEmpty()) {
        b.withQualifier("distro", distro + "-" + distroVersion);
      }
      add(out, new SbomPackage(Source.APT, f[1], f[2], purl(b, row)));
    }
    return List.copyOf(out.values());
  }

  /**
   * Conda's packages from {@code conda list --json} (or mamba's): entries with channel {@code pypi} are
   * pip's and left out. Purl {@code pkg:conda/<name>@<version>?build=..&channel=..&subdir=..}.
   *
   * @throws IllegalArgumentException when the output holds no JSON array of {name, version} objects
   */
  public static List<SbomPackage> conda(String output) {
    Map<String, SbomPackage> out = new LinkedHashMap<>();
    for (JsonNode p : array(output, "conda list --json")) {
      String name = text(p, "name");
      String channel = p.path("channel").asText("");
      if (channel.equals("pypi")) {
        continue;
      }
      PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType("conda").withName(name)
          .withVersion(text(p, "version"));
      qualifier(b, "build", p.path("build_string").asText(""));
      qualifier(b, "channel", channel);
      qualifier(b, "subdir", p.path("platform").asText(""));
      add(out, new SbomPackage(Source.CONDA, name, text(p, "version"), purl(b, p.toString())));
    }
    return List.copyOf(out.values());
  }

  /**
   * The PEP 503-normalised names of the packages conda installed (channel not {@code pypi}): what
   * {@link #pip} leaves out. Entries conda lists with channel {@code pypi} were installed by pip and stay
   * in pip's section.
   */
  public static Set<String> condaNames(String output) {
    Set<String> names = new TreeSet<>();
    for (JsonNode p : array(output, "conda list --json")) {
      if (!p.path("channel").asText("").equals("pypi")) {
        names.add(normalize(text(p, "name")));
      }
    }
    return names;
  }

  /**
   * pip's packages from {@code pip list --format json}, except those whose PEP 503-normalised name is in
   * {@code installedByConda}. Purl {@code pkg:pypi/<normalised name>@<version>}.
   */
  public static List<SbomPackage> pip(String output, Set<String> installedByConda) {
    Map<String, SbomPackage> out = new LinkedHashMap<>();
    for (JsonNode p : array(output, "pip list --format json")) {
      String name = text(p, "name");
      if (installedByConda.contains(normalize(name))) {
        continue;
      }
      PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType("pypi").withName(normalize(name))
          .withVersion(text(p, "version"));
      add(out, new SbomPackage(Source.PIP, name, text(p, "version"), purl(b, p.toString())));
    }
    return List.copyOf(out.values());
  }

  /** PEP 503 name normalisation: lower case, runs of {@code -_.} become one {@code -}. */
  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  /**
   * The JSON array in a command's merged output: parsing starts at the first line that begins with
   * {@code [} (warnings a tool prints on stderr before it are skipped) and stops after the array.
   */
  static List<JsonNode> array(String output, String command) {
    IllegalArgumentException last = null;
    for (int start = 0; start < output.length(); start = output.indexOf('\n', start) + 1) {
      if (output.charAt(start) == '[') {
        try (JsonParser p = JSON.getFactory().createParser(output.substring(start))) {
          JsonNode node = JSON.readTree(p);
          if (node != null && node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
          }
        } catch (IOException e) {
          last = new IllegalArgumentException(command + ": not valid JSON: " + e.getMessage().lines().findFirst()
              .orElse(""), e);
        }
      }
      if (output.indexOf('\n', start) < 0) {
        break;
      }
    }
    throw last != null ? last : new IllegalArgumentException(command + ": no JSON array in the output");
  }

  private static String text(JsonNode p, String field) {
    JsonNode v = p.get(field);
    if (v == null || !v.isValueNode() || v.asText().isEmpty()) {
      throw new IllegalArgumentException("package entry without '" + field + "': " + p);
    }
    return v.asText();
  }

  private static void qualifier(PackageURLBuilder b, String key, String value) {
    if (!value.isEmpty()) {
      b.withQualifier(key, value);
    }
  }

  private static String purl(PackageURLBuilder b, String what) {
    try {
      return b.build().canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException("cannot make a package URL of " + what + ": " + e.getMessage(), e);
    }
  }

  private static void add(Map<String, SbomPackage> out, SbomPackage p) {
    out.putIfAbsent(p.purl(), p);
  }
}
