package org.containerops.tagging.hierarchy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.git.GitInfo;
import org.containerops.tagging.manifest.Manifest;
import org.containerops.tagging.tagger.FakeRunner;
import org.containerops.tagging.tagger.TagInput;
import org.containerops.tagging.tagger.Tagger;
import org.junit.jupiter.api.Test;

class CustomStepsTest {
  static final GitInfo GIT = new GitInfo("0123456789abcdef0123456789abcdef01234567", "m");

  static String readmeExample() throws IOException {
    try (InputStream in = CustomStepsTest.class.getResourceAsStream("custom-steps.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theReadmeExampleDefinesTaggersAndManifestsInheritedLikeBuiltIns() throws IOException {
    ImageHierarchy h = ImageHierarchy.parse(readmeExample(), "custom-steps.yaml");
    assertEquals(List.of("commit_sha_tagger", "python_tagger", "jdk_major_tagger", "pip_version_tagger",
        "helper_tagger"), h.taggers("my-tools").stream().map(Tagger::name).toList());
    assertEquals(List.of("apt_packages_manifest", "helper_manifest"),
        h.manifests("my-tools").stream().map(Manifest::name).toList());
    FakeRunner c = new FakeRunner(Map.of("java --version", "openjdk 17.0.15 2025-04-15\nOpenJDK Runtime\n",
        "pip --version", "pip 23.0.1 from /usr/lib/python3/dist-packages/pip (python 3.11)",
        "sh -c 'echo helper-1.0'", "helper-1.0", "/tmp/helper.sh", "ran  \n", "cachetool", "\ncachetool 1.0\n"));
    TagInput in = new TagInput(c, GIT, Clock.systemUTC());
    List<Tagger> t = h.taggers("my-tools");
    assertEquals("jdk-17", t.get(2).value(in));
    assertEquals("pip-23.0.1", t.get(3).value(in));
    assertEquals("helper-1.0", t.get(4).value(in));
    assertEquals("## Helper Tools\n\n`/tmp/helper.sh`:\n\n```text\nran\n```\n\n`cachetool`:\n\n```text\ncachetool 1.0\n```",
        h.manifests("my-tools").get(1).piece(c).text());
  }

  @Test
  void outputWithoutAMatchOrNotATagIsUnexpectedOutputNamingTheCommand() {
    ImageHierarchy h = ImageHierarchy.parse("taggers:\n  a: {command: 'x --version', regex: 'v(\\d+)'}\n"
        + "  b: {command: 'y --version'}\nimages:\n  i: {taggers: [a, b]}\n", "f.yaml");
    TagInput in = new TagInput(new FakeRunner(Map.of("x --version", "version 1", "y --version", "y 1.0")), GIT,
        Clock.systemUTC());
    TaggingException e = assertThrows(TaggingException.class, () -> h.taggers("i").get(0).value(in));
    assertEquals(TaggingException.Reason.UNEXPECTED_OUTPUT, e.reason());
    assertEquals("command `x --version` in fake/image: no match for /v(\\d+)/ in: version 1", e.getMessage());
    e = assertThrows(TaggingException.class, () -> h.taggers("i").get(1).value(in));
    assertTrue(e.getMessage().contains("value 'y 1.0' is not a tag"), e.getMessage());
  }

  @Test
  void badDefinitionsAreRejectedNamingFileEntryAndField() {
    assertBad("taggers:\n  python_tagger: {command: python}\nimages: {i: {}}\n",
        "hierarchy f.yaml: taggers.python_tagger: the name is already a built-in step");
    assertBad("taggers:\n  t: {command: x, regex: '(('}\nimages: {i: {}}\n",
        "hierarchy f.yaml: taggers.t.regex: Unclosed group");
    assertBad("taggers:\n  t: {command: x, regex: 'a(b)', template: 'v-{2}'}\nimages: {i: {}}\n",
        "hierarchy f.yaml: taggers.t.template: v-{2} uses {2} but the regex has 1 group(s)");
    assertBad("taggers:\n  t: {regex: x}\nimages: {i: {}}\n",
        "hierarchy f.yaml: taggers.t.command: want a command line, got null");
    assertBad("taggers:\n  t: {command: x, rgx: y}\nimages: {i: {}}\n",
        "hierarchy f.yaml: taggers.t: unknown field 'rgx' (want command, regex, template)");
    assertBad("manifests:\n  m: {title: 'Tools', command: x}\nimages: {i: {}}\n",
        "hierarchy f.yaml: manifests.m.title: must start with '## ', got Tools");
    assertBad("manifests:\n  m: {title: '## Tools', command: []}\nimages: {i: {}}\n",
        "hierarchy f.yaml: manifests.m.command: want at least one command line");
    assertBad("manifests:\n  m: {title: '## T', command: x}\nimages: {i: {manifests: [n]}}\n",
        "hierarchy f.yaml: image i: unknown manifest 'n' (built-in: conda_environment_manifest, apt_packages_manifest, "
            + "r_packages_manifest, julia_packages_manifest, spark_info_manifest, m)");
  }

  static void assertBad(String yaml, String message) {
    TaggingException e = assertThrows(TaggingException.class, () -> ImageHierarchy.parse(yaml, "f.yaml"));
    assertEquals(TaggingException.Reason.HIERARCHY, e.reason());
    assertEquals(message, e.getMessage());
  }
}
