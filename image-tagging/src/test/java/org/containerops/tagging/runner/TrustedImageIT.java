package org.containerops.tagging.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.TaggingTestImages;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.TargetImage;
import org.containerops.tagging.api.WriteManifestSpec;
import org.containerops.tagging.hierarchy.ImageHierarchy;
import org.containerops.tagging.text.PythonText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §1: commands see the image as upstream's DockerRunner shows it (a plain {@code docker run}), not
 * our sandbox: on src/test/images/tagging-trusted (/opt/conda owned by the non-root USER).
 */
@ExtendWith(EngineExtension.class)
class TrustedImageIT {
  static final String IMAGE = "localhost:5000/containerops-test/trusted-notebook";

  @BeforeAll
  static void tagImage(ContainerRuntime rt) {
    TaggingTestImages.tag(rt, TaggingTestImages.TRUSTED, IMAGE + ":latest");
  }

  @AfterAll
  static void untagImage(ContainerRuntime rt) {
    TaggingTestImages.untag(rt, IMAGE + ":latest");
  }

  @Test
  void condaInfoInTheManifestSaysWritableAsInUpstreamsManifests(ContainerRuntime rt, @TempDir Path dir)
      throws IOException {
    ImageHierarchy h = ImageHierarchy.parse("images:\n  trusted-notebook:\n    taggers: [commit_sha_tagger]\n"
        + "    manifests: [conda_environment_manifest]\n", "test");
    try (ImageTagging t = ImageTagging.builder().runtime(rt).clock(TaggingTestImages.CLOCK)
        .git(TaggingTestImages.GIT).platform(Platform.of("x86_64")).hierarchy(h).build()) {
      String manifest = Files.readString(t.writeManifest(new WriteManifestSpec(new TargetImage("localhost:5000",
          "containerops-test", "trusted-notebook", "default"), dir.resolve("h"), dir.resolve("m"), "o/r"))
          .manifestFile());
      assertTrue(manifest.contains("       base environment : /opt/conda  (writable)\n"), manifest);
    }
    rt.awaitRemovals();
    assertEquals(List.of(), ContainerTracker.listOurs(rt.client(), rt.sessionId()), "containers left behind");
  }

  @Test
  void homeCachingTmpScriptsEnvUlimitsAndCapabilitiesAreAsUnderDockerRun(ContainerRuntime rt) throws Exception {
    List<String> commands = List.of(
        "conda info",
        "cachetool",
        "/tmp/helper.sh",
        "sh -c 'echo XDG_CACHE_HOME=${XDG_CACHE_HOME-unset} HOME=$HOME; id; ulimit -n; ulimit -Hn'",
        "sh -c 'grep -E \"^(CapEff|CapBnd|NoNewPrivs)\" /proc/self/status'",
        "sh -c 'touch /var/tmp/probe /opt/conda/probe && echo writable; mount | grep -c \" /tmp \" || true'");
    List<String> ours = new ArrayList<>();
    try (ImageRunner c = ImageRunner.start(rt, IMAGE, Duration.ofMinutes(1))) {
      for (String cmd : commands) {
        ours.add(c.exec(cmd));
      }
    }
    for (int i = 0; i < commands.size(); i++) {
      List<String> argv = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "none", IMAGE));
      argv.addAll(ShellWords.split(commands.get(i)));
      assertEquals(dockerRun(argv), ours.get(i), "`" + commands.get(i) + "` differs from docker run");
    }
    assertTrue(ours.get(1).contains("(cache: /home/app/.cache/cachetool)"), ours.get(1));
    assertEquals("helper in /tmp ran as app", ours.get(2));
  }

  static String dockerRun(List<String> argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", argv) + ": " + out);
    return PythonText.rstrip(out);
  }
}
