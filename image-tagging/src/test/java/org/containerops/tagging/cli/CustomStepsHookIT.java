package org.containerops.tagging.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.tagging.TaggingTestImages;
import org.containerops.tagging.api.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13 §5 on a real image, through the CLI: the README's hierarchy with taggers and a manifest defined
 * as data, run by {@code hook} (one container: tags file, history line, manifest, SBOM, tags applied).
 */
@ExtendWith(EngineExtension.class)
class CustomStepsHookIT {
  static final String IMAGE = "localhost:5000/containerops-test/my-tools";

  @BeforeAll
  static void tagImage(ContainerRuntime rt) {
    TaggingTestImages.tag(rt, TaggingTestImages.TRUSTED, IMAGE + ":latest");
  }

  @AfterAll
  static void untagImage(ContainerRuntime rt) {
    TaggingTestImages.untag(rt, IMAGE + ":latest");
  }

  @Test
  void hookWritesCustomTagsAndSectionsAndAppliesTheTags(ContainerRuntime rt, @TempDir Path dir) throws Exception {
    Path tree = dir.resolve("my-tree.yaml");
    try (InputStream in = getClass().getResourceAsStream("/org/containerops/tagging/hierarchy/custom-steps.yaml")) {
      Files.copy(in, tree);
    }
    StringWriter err = new StringWriter();
    CommandLine cl = ImageTaggingCli.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("hook", "--registry", "localhost:5000", "--owner", "containerops-test", "--image",
        "my-tools", "--variant", "default", "--dir", dir.toString(), "--repository", "me/my-images",
        "--hierarchy", tree.toString());
    assertEquals(0, code, err.toString());
    String p = Platform.host().name();
    List<String> tags = Files.readAllLines(dir.resolve("tags/" + p + "-default-my-tools.txt"));
    try {
      assertEquals(IMAGE + ":" + p + "-latest", tags.get(0));
      assertTrue(tags.get(3).matches(java.util.regex.Pattern.quote(IMAGE + ":" + p + "-jdk-") + "\\d+"), tags.get(3));
      assertTrue(tags.get(4).matches(java.util.regex.Pattern.quote(IMAGE + ":" + p + "-pip-") + "[0-9.]+"), tags.get(4));
      assertEquals(IMAGE + ":" + p + "-helper-1.0", tags.get(5));
      assertEquals(6, tags.size());
      for (String tag : tags) { // applied: every tag is a local image
        assertEquals(rt.client().inspectImageCmd(IMAGE + ":latest").exec().getId(),
            rt.client().inspectImageCmd(tag).exec().getId(), tag);
      }
      try (var files = Files.list(dir.resolve("manifests"))) {
        List<Path> m = files.sorted().toList();
        assertEquals(2, m.size(), m.toString()); // .cdx.json and .md
        String manifest = Files.readString(m.get(1));
        assertTrue(manifest.endsWith("## Helper Tools\n\n`/tmp/helper.sh`:\n\n```text\nhelper in /tmp ran as app\n```\n\n"
            + "`cachetool`:\n\n```text\ncachetool 1.0 (cache: /home/app/.cache/cachetool)\n```\n"), manifest);
      }
      String line = Files.readString(Files.list(dir.resolve("hist_lines")).findFirst().orElseThrow());
      assertTrue(line.contains("`" + IMAGE + ":" + p + "-helper-1.0`"), line);
    } finally {
      for (String tag : tags) {
        TaggingTestImages.untag(rt, tag);
      }
    }
  }
}
