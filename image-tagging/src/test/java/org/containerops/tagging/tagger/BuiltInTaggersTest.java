package org.containerops.tagging.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.git.GitInfo;
import org.junit.jupiter.api.Test;

/** Parsing of each tagger on the outputs the reference (§1.5) records, no engine. */
class BuiltInTaggersTest {
  static final GitInfo GIT = new GitInfo("8209386950497966c8a9aa446b9a84a5dd78eab5", "msg");

  static String value(String tagger, Map<String, String> outputs) {
    // a clock in UTC+14 at 23:30 on the 21st UTC: the date tag must still be the UTC date
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T23:30:00Z"), ZoneId.of("Pacific/Kiritimati"));
    return BuiltInTaggers.byName(tagger).orElseThrow().value(new TagInput(new FakeRunner(outputs), GIT, clock));
  }

  @Test
  void taggersAreTheReferencesSixteenInItsOrder() {
    // the reference's §1.5 table at 82093869 lists 16 (pytorch_tagger came in 95a22c76, after the "15" count)
    assertEquals(List.of("commit_sha_tagger", "date_tagger", "ubuntu_version_tagger", "python_major_minor_tagger",
        "python_tagger", "mamba_tagger", "conda_tagger", "jupyter_notebook_tagger", "jupyter_lab_tagger",
        "jupyter_hub_tagger", "r_tagger", "julia_tagger", "tensorflow_tagger", "pytorch_tagger", "spark_tagger",
        "java_tagger"), BuiltInTaggers.names());
  }

  @Test
  void eachTaggerParsesItsCommandAsUpstream() {
    assertEquals("820938695049", value("commit_sha_tagger", Map.of()));
    assertEquals("2026-11-21", value("date_tagger", Map.of()));
    assertEquals("ubuntu-12", value("ubuntu_version_tagger", Map.of("cat /etc/os-release",
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"")));
    Map<String, String> py = Map.of("python --version", "Python 3.11.2");
    assertEquals("python-3.11", value("python_major_minor_tagger", py));
    assertEquals("python-3.11.2", value("python_tagger", py));
    assertEquals("mamba-2.0.5", value("mamba_tagger", Map.of("mamba --version", "2.0.5")));
    assertEquals("conda-24.11.3", value("conda_tagger", Map.of("conda --version", "conda 24.11.3")));
    assertEquals("notebook-7.3.2", value("jupyter_notebook_tagger", Map.of("jupyter-notebook --version", "7.3.2")));
    assertEquals("lab-4.3.4", value("jupyter_lab_tagger", Map.of("jupyter-lab --version", "4.3.4")));
    assertEquals("hub-5.2.1", value("jupyter_hub_tagger", Map.of("jupyterhub --version", "5.2.1")));
    assertEquals("r-4.4.2", value("r_tagger", Map.of("R --version",
        "R version 4.4.2 (2024-10-31) -- \"Pile of Leaves\"\nCopyright (C) 2024")));
    assertEquals("julia-1.11.2", value("julia_tagger", Map.of("julia --version", "julia version 1.11.2")));
    assertEquals("tensorflow-2.18.0", value("tensorflow_tagger", Map.of("pip show tensorflow",
        "Name: tensorflow\nVersion: 2.18.0\nSummary: x")));
    assertEquals("pytorch-2.5.1", value("pytorch_tagger", Map.of("pip show torch",
        "Name: torch\nVersion: 2.5.1+cpu\nSummary: x")));
    assertEquals("spark-3.5.4", value("spark_tagger", Map.of("spark-submit --version", "Welcome to\n"
        + "      ____              __\n   /___/ .__/\\_,_/_/ /_/\\_\\   version 3.5.4\n      /_/\n")));
    assertEquals("java-21.0.5", value("java_tagger", Map.of("java --version",
        "openjdk 21.0.5 2024-10-15\nOpenJDK Runtime Environment")));
  }

  @Test
  void tensorflowFallsBackToTensorflowCpu() {
    FakeRunner r = new FakeRunner(Map.of("pip show tensorflow-cpu", "Name: tensorflow-cpu\nVersion: 2.18.0"));
    String v = BuiltInTaggers.byName("tensorflow_tagger").orElseThrow().value(new TagInput(r, GIT, Clock.systemUTC()));
    assertEquals("tensorflow-2.18.0", v);
    assertEquals(List.of("pip show tensorflow", "pip show tensorflow-cpu"), r.ran);
  }

  @Test
  void osReleaseWithoutVersionIdIsAnError() {
    TaggingException e = assertThrows(TaggingException.class, () -> value("ubuntu_version_tagger",
        Map.of("cat /etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\nID=debian")));
    assertEquals(TaggingException.Reason.UNEXPECTED_OUTPUT, e.reason());
    assertTrue(e.getMessage().contains("did not find ubuntu version in"), e.getMessage());
  }

  @Test
  void sparkWithoutVersionLineIsAnError() {
    TaggingException e = assertThrows(TaggingException.class,
        () -> value("spark_tagger", Map.of("spark-submit --version", "version 3.5.4")));
    assertEquals("spark-submit --version", e.command().orElseThrow());
  }
}
