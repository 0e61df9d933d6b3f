package org.containerops.tagging.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.tagging.TaggingTestImages;
import org.containerops.tagging.manifest.BuiltInManifests;
import org.containerops.tagging.runner.ImageRunner;
import org.containerops.tagging.tagger.BuiltInTaggers;
import org.containerops.tagging.tagger.TagInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every upstream tagger and manifest, run in one container of the tagging-tools test image. */
@ExtendWith(EngineExtension.class)
class TaggersAndManifestsIT {
  static ImageRunner container;

  @BeforeAll
  static void start(ContainerRuntime rt) {
    container = ImageRunner.start(rt, TaggingTestImages.TOOLS, ImageRunner.DEFAULT_COMMAND_TIMEOUT);
  }

  @AfterAll
  static void stop() {
    if (container != null) {
      container.close();
    }
  }

  @Test
  void everyTaggerGivesItsValueInOneContainer() {
    Map<String, String> values = new LinkedHashMap<>();
    TagInput in = new TagInput(container, TaggingTestImages.GIT, TaggingTestImages.CLOCK);
    for (String name : BuiltInTaggers.names()) {
      values.put(name, BuiltInTaggers.byName(name).orElseThrow().value(in));
    }
    String java = values.remove("java_tagger");
    assertTrue(java.matches("java-17\\.0\\.\\d+"), java); // Debian's OpenJDK 17 (security updates move it)
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("commit_sha_tagger", "820938695049");
    expected.put("date_tagger", "2026-11-22");
    expected.put("ubuntu_version_tagger", "ubuntu-12"); // upstream hard-codes the prefix; Debian 12 here
    expected.put("python_major_minor_tagger", "python-3.11");
    expected.put("python_tagger", "python-3.11.2");
    expected.put("mamba_tagger", "mamba-2.0.5");
    expected.put("conda_tagger", "conda-24.11.3");
    expected.put("jupyter_notebook_tagger", "notebook-7.3.2");
    expected.put("jupyter_lab_tagger", "lab-4.3.4");
    expected.put("jupyter_hub_tagger", "hub-5.2.1");
    expected.put("r_tagger", "r-4.2.2"); // Debian bookworm's r-base-core
    expected.put("julia_tagger", "julia-1.11.2");
    expected.put("tensorflow_tagger", "tensorflow-2.18.0"); // only tensorflow-cpu is installed: the fallback
    expected.put("pytorch_tagger", "pytorch-2.5.1"); // from 2.5.1+cpu
    expected.put("spark_tagger", "spark-3.5.4"); // banner on stderr
    assertEquals(expected, values);
  }

  @Test
  void sparkManifestQuotesTheStderrBannerWithLinesRightStripped() {
    String text = BuiltInManifests.byName("spark_info_manifest").orElseThrow().piece(container).text();
    assertEquals("## Apache Spark\n\n`/usr/local/spark/bin/spark-submit --version`:\n\n```text\n"
        + "Welcome to\n"
        + "      ____              __\n"
        + "     / __/__  ___ _____/ /__\n"
        + "    _\\ \\/ _ \\/ _ `/ __/  '_/\n"
        + "   /___/ .__/\\_,_/_/ /_/\\_\\   version 3.5.4\n"
        + "      /_/\n"
        + "\n"
        + "Using Scala version 2.12.18, OpenJDK 64-Bit Server VM, 17.0.13\n"
        + "Branch HEAD\n"
        + "Type --help for more information.\n```", text);
  }

  @Test
  void juliaManifestPassesEachExpressionAsOneArgument() {
    assertEquals("## Julia Packages\n\n"
        + "`julia -E 'using InteractiveUtils; versioninfo()'`:\n\n```text\nargc=2 arg2=[using InteractiveUtils; versioninfo()]\n```\n\n"
        + "`julia -E 'import Pkg; Pkg.status()'`:\n\n```text\nargc=2 arg2=[import Pkg; Pkg.status()]\n```",
        BuiltInManifests.byName("julia_packages_manifest").orElseThrow().piece(container).text());
  }

  @Test
  void rManifestQuotesRealROutput() {
    String text = BuiltInManifests.byName("r_packages_manifest").orElseThrow().piece(container).text();
    assertTrue(text.startsWith("## R Packages\n\n`R --version`:\n\n```text\nR version 4.2.2 "), text);
    String packages = "`R --silent -e 'installed.packages(.Library)[, c(1,3)]'`:\n\n```text\n"
        + "> installed.packages(.Library)[, c(1,3)]\n          Package     Version\nbase      \"base\"      \"4.2.2\"\n";
    assertTrue(text.contains("```\n\n" + packages), text);
    assertTrue(text.endsWith("\n```"), text);
  }

  @Test
  void aptManifestListsInstalledPackagesWithAptsWarning() {
    String text = BuiltInManifests.byName("apt_packages_manifest").orElseThrow().piece(container).text();
    assertTrue(text.startsWith("## Apt Packages\n\n`apt list --installed`:\n\n```text\n"), text);
    assertTrue(text.contains("WARNING: apt does not have a stable CLI interface. Use with caution in scripts."));
    assertTrue(text.contains("\nListing...\n") && text.contains("\npython3/") && text.endsWith("\n```"));
  }

  @Test
  void condaManifestStartsWithTheRawPythonVersion() {
    String text = BuiltInManifests.byName("conda_environment_manifest").orElseThrow().piece(container).text();
    assertTrue(text.startsWith("## Python Packages\n\nPython 3.11.2\n\n`conda info`:\n\n```text\n"
        + "     active environment : base\n"), text);
    assertTrue(text.contains("\n\n`mamba info`:\n\n```text\n       libmamba version : 2.0.5\n"
        + "          mamba version : 2.0.5\n"), text);
  }

  @Test
  void runnerMergesStreamsSplitsWithoutAShellAndRaisesOnFailure() {
    assertEquals("a b", container.exec("sh -c 'echo \"a b\"   '"));
    assertEquals("out\nerr", container.exec("sh -c 'echo out; sleep 0.2; echo err >&2'"));
    TaggingException e = assertThrows(TaggingException.class, () -> container.exec("false"));
    assertEquals(TaggingException.Reason.COMMAND_FAILED, e.reason());
    assertTrue(e.getMessage().startsWith("Command: `false` failed with exit code 1 in " + TaggingTestImages.TOOLS),
        e.getMessage());
    TaggingException empty = assertThrows(TaggingException.class,
        () -> org.containerops.tagging.manifest.QuotedOutput.of(container, "printf '\\n\\n'"));
    assertEquals("Command `printf '\\n\\n'` returned empty output in " + TaggingTestImages.TOOLS, empty.getMessage());
  }
}
