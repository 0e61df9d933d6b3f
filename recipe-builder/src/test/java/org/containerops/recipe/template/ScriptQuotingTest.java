package org.containerops.recipe.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.containerops.recipe.api.DefaultTemplates;
import org.containerops.recipe.staging.HostUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 §5: every value substituted into the build command and script reaches bash as one word,
 * unchanged and never executed. The fixed placeholders ({recipe}, {staging}, {output}, {script}) are
 * container paths this module chose; the values that come from the caller (build arguments, config
 * file names) are shell-quoted. Checked by running the rendered command with the host's bash.
 */
class ScriptQuotingTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"$(touch PWNED)", "`touch PWNED`", "a; touch PWNED", "it's", "say \"hi\"", "two words",
      "line\nbreak; touch PWNED", "-leading-dash", "--override-channels", "${HOME}", "*", "a\\b", "'", ""})
  void buildArgumentsReachTheCommandAsOneWordEach(String hostile) throws Exception {
    List<String> args = List.of("-c", hostile, hostile + ".yaml", "x" + hostile + "y");
    Map<String, String> values = ScriptValues.of("linux-64", new HostUser(4242, 4243), "", args, false);
    // the default build command with conda-build replaced by a printer of its argv
    String command = new Template("cmd", DefaultTemplates.BUILD_COMMAND.replace("conda-build", "printf '%s\\0'"))
        .render(values);

    List<String> argv = bash(command);

    List<String> expected = new ArrayList<>(List.of("-c", "file:///opt/host-conda-bld"));
    expected.addAll(args);
    expected.add("/opt/recipe/meta.yaml");
    assertEquals(expected, argv);
    assertFalse(Files.exists(tmp.resolve("PWNED")), "nothing was executed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x$(touch PWNED)y", "a b", "-rf", "semi;colon", "quote'd", "new\nline"})
  void theDefaultScriptContainsNoCallerValueUnquoted(String hostile) throws Exception {
    Map<String, String> values = ScriptValues.of("linux-64", new HostUser(1, 2), "2", List.of(hostile), false);
    String command = new Template("cmd", DefaultTemplates.BUILD_COMMAND).render(values);
    String script = new Template("script", DefaultTemplates.BUILD_SCRIPT).render(ScriptValues.withCommand(values, command));

    assertTrue(script.contains(ShellQuote.quote(hostile)), script);
    assertEquals(1, script.split(java.util.regex.Pattern.quote(ShellQuote.quote(hostile)), -1).length - 1,
        "the value appears once, quoted");
    Process p = new ProcessBuilder("bash", "-n", "-c", script).redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private List<String> bash(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", command).directory(tmp.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    String s = new String(out, StandardCharsets.UTF_8);
    return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
  }
}
