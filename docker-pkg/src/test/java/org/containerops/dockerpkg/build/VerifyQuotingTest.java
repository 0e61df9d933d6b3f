package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17 §5: hostile image directory names, image names and tags reach the verification command
 * as exactly one argument each and nothing in them runs. Each payload calls {@code pwn}, a command
 * on the test's {@code PATH} that would create a marker file; the real {@code /bin/bash} runs the
 * default {@code verify_args} and variants that quote the placeholders themselves.
 */
class VerifyQuotingTest {
  private static final List<String> PAYLOADS = List.of("x$(pwn)y", "x`pwn`y", "x;pwn;y", "x'pwn'y", "x\"pwn\"y",
      "x 'a b' y", "x\npwn\ny", "-x", "--help", "x&&pwn", "x|pwn", "x\\$(pwn)", "x'\"$(pwn)\"'", "$HOME{}");
  private static final List<String> TEMPLATES = List.of("{path}/test.sh {image}", "'{path}'/test.sh '{image}'",
      "\"{path}/test.sh\" \"{image}\"", "cd {path} && ./test.sh {image} # {{braces}}");
  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    return TEMPLATES.stream().flatMap(t -> PAYLOADS.stream().flatMap(p -> Stream.of(
        Arguments.of(t, "path", p), Arguments.of(t, "name", p), Arguments.of(t, "tag", p))));
  }

  @ParameterizedTest(name = "[{index}] {0} with {1} = {2}")
  @MethodSource("cases")
  void everyValueArrivesAsOneArgumentAndNothingRuns(String script, String field, String payload) throws IOException {
    Path marker = tmp.resolve("PWNED");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path pwn = Files.writeString(bin.resolve("pwn"), "#!/bin/sh\ntouch '" + marker + "'\n");
    pwn.toFile().setExecutable(true);
    String dirName = field.equals("path") ? "img-" + payload : "img";
    Path image = TestImages.image(tmp.resolve("tree").resolve(dirName), "app", "1.0", "FROM scratch", List.of());
    Path out = tmp.resolve("argv");
    Path test = Files.writeString(image.resolve("test.sh"),
        "#!/bin/bash\n{ printf '%s\\0' \"$(pwd -P)\" \"$0\" \"$#\"; printf '%s\\0' \"$@\"; } > '" + out + "'\n");
    test.toFile().setExecutable(true);
    String label = "127.0.0.1:5000/ns/" + (field.equals("name") ? payload : "app") + ":"
        + (field.equals("tag") ? payload : "1.0");

    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    m.put("verify_args", List.of("-c", script));
    Verification v = new Verification(new DockerPkgConfig(m), Map.of("PATH", bin + ":/usr/bin:/bin"),
        Duration.ofSeconds(30));
    Verification.Plan plan = v.plan(image, "app", label);
    HostVerifier.Outcome r = v.run(null, image, label, plan, line -> { });

    assertEquals(0, r.exitCode(), () -> "output: " + r.tail());
    List<String> got = List.of(Files.readString(out, StandardCharsets.UTF_8).split("\0", -1));
    boolean viaCd = script.startsWith("cd ");
    if (viaCd) {
      assertEquals(image.toRealPath().toString(), got.get(0), "cd went to the image directory");
      assertEquals("./test.sh", got.get(1));
    } else {
      assertEquals(image.toAbsolutePath() + "/test.sh", got.get(1), "$0 is the exact path");
    }
    assertEquals("1", got.get(2), "exactly one argument");
    assertEquals(label, got.get(3), "the exact label");
    assertFalse(Files.exists(marker), "a payload ran");
  }
}
