package org.containerops.tagging.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageListsTest {
  @Test
  void dpkgRowsBecomeDebPurlsAndOnlyInstalledOnesCount() {
    String out = "ii \tadduser\t3.134\tall\nrc \told-thing\t1.0\tamd64\nii \tlibc6\t2.36-9+deb12u9\tamd64\n";
    List<SbomPackage> p = PackageLists.dpkg(out, "debian", "12");
    assertEquals(2, p.size());
    assertEquals("pkg:deb/debian/adduser@3.134?arch=all&distro=debian-12", p.get(0).purl());
    assertEquals("pkg:deb/debian/libc6@2.36-9%2Bdeb12u9?arch=amd64&distro=debian-12", p.get(1).purl());
    assertThrows(IllegalArgumentException.class, () -> PackageLists.dpkg("ii \tbroken\n", "debian", ""));
  }

  @Test
  void condaEntriesGetBuildChannelSubdirAndPypiEntriesStayWithPip() {
    String conda = "[{\"name\":\"python\",\"version\":\"3.11.2\",\"build_string\":\"h2755cc3_0\",\"channel\":"
        + "\"conda-forge\",\"platform\":\"linux-64\"},{\"name\":\"Wheel\",\"version\":\"0.38.4\",\"build_string\":"
        + "\"pypi_0\",\"channel\":\"pypi\",\"platform\":\"pypi\"},{\"name\":\"typing_extensions\",\"version\":\"4.12\","
        + "\"build_string\":\"pyha_0\",\"channel\":\"conda-forge\",\"platform\":\"noarch\"}]";
    List<SbomPackage> c = PackageLists.conda(conda);
    assertEquals(List.of("pkg:conda/python@3.11.2?build=h2755cc3_0&channel=conda-forge&subdir=linux-64",
        "pkg:conda/typing_extensions@4.12?build=pyha_0&channel=conda-forge&subdir=noarch"),
        c.stream().map(SbomPackage::purl).toList());
    Set<String> byConda = PackageLists.condaNames(conda);
    assertEquals(Set.of("python", "typing-extensions"), byConda);
    // pip's warnings before the JSON (merged stderr) are skipped; PEP 503 names are compared
    String pip = "WARNING: something\n[notice] not json\n[{\"name\": \"typing-extensions\", \"version\": \"4.12\"},"
        + " {\"name\": \"wheel\", \"version\": \"0.38.4\"}, {\"name\": \"PyYAML\", \"version\": \"6.0\"}]\n"
        + "[notice] A new release of pip is available";
    assertEquals(List.of("pkg:pypi/wheel@0.38.4", "pkg:pypi/pyyaml@6.0"),
        PackageLists.pip(pip, byConda).stream().map(SbomPackage::purl).toList());
  }

  @Test
  void outputWithoutJsonIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PackageLists.pip("Package Version\n------- -------\n", Set.of()));
    assertEquals("pip list --format json: no JSON array in the output", e.getMessage());
  }

  @Test
  void osReleaseFieldsAreUnquoted() {
    String os = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\nID=debian\n";
    assertEquals(Optional.of("12"), SbomInventory.osReleaseField(os, "VERSION_ID"));
    assertEquals(Optional.of("debian"), SbomInventory.osReleaseField(os, "ID"));
    assertEquals(Optional.empty(), SbomInventory.osReleaseField(os, "VERSION_CODENAME"));
  }
}
