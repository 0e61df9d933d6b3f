package org.containerops.dockerpkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.dockerpkg.TestImages;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification plan and host run (ports of upstream tests/test_images.py test_verify_*,
 * which use tests/fixtures/foo-bar and its test.sh that fails when given {@code fail}).
 */
class VerificationTest {
  private static final String LABEL = "reg.example/ns/foo-bar:0.0.1";
  private static final Map<String, String> HOST = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/root",
      "DOCKER_HOST", "unix:///run/other.sock", "JAVA_HOME", "/opt/jdk");
  @TempDir Path root;
  private Path fooBar;

  @BeforeEach
  void fixture() throws IOException {
    fooBar = TestImages.image(root.resolve("foo-bar"), "foo-bar", "0.0.1", "FROM test\n", List.of());
    Path test = fooBar.resolve("test.sh");
    Files.writeString(test, "#!/bin/bash\nif [[ \"$1\" == \"fail\" ]]; then\n\texit 1\nfi\nexit 0\n");
    test.toFile().setExecutable(true);
  }

  private static Verification verification(Map<String, String> host, Object... kv) {
    Map<String, Object> m = new HashMap<>(ConfigLoader.DEFAULTS);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return new Verification(new DockerPkgConfig(m), host, Duration.ofMinutes(1));
  }

  private Verification.Plan plan(Verification v) {
    return v.plan(fooBar, "foo-bar", LABEL);
  }

  private int exit(Verification v) {
    return v.run(null, fooBar, LABEL, plan(v), line -> { }).exitCode();
  }

  @Test
  void theDefaultRunsTestShOnTheHostWithPathAndImageFormattedIntoOneArgument() {
    Verification.Plan p = plan(verification(HOST));
    assertEquals(Optional.of(List.of("/bin/bash", "-c", "'" + fooBar.toAbsolutePath() + "'/test.sh '" + LABEL + "'")),
        p.argv());
    assertEquals(0, exit(verification(HOST)), "upstream test_verify_success");
  }

  @Test
  void aFailingTestFailsTheVerification() {
    assertEquals(1, exit(verification(HOST, "verify_args", List.of("-c", "{path}/test.sh fail"))), "test_verify_failure");
  }

  @Test
  void aMissingPathWordSkipsVerificationBeforeTheCommandIsLookedFor() {
    Verification.Plan p = plan(verification(HOST, "verify_command", "/nonexistent",
        "verify_args", List.of("-c", "{path}/test.sh.nope fail")));
    assertEquals(Optional.empty(), p.argv(), "test_verify_no_testcase");
    assertEquals("Could not find path " + fooBar.toAbsolutePath() + "/test.sh.nope, skipping verification", p.skipReason());
  }

  @Test
  void pathWordsAreShellSplitSoQuotedPathsWithSpacesAreChecked() throws IOException {
    List<String> args = List.of("-c", "'{path}/my checks/run.sh' {image}");
    assertEquals(Optional.empty(), plan(verification(HOST, "verify_args", args)).argv());
    Files.createDirectories(fooBar.resolve("my checks"));
    Files.writeString(fooBar.resolve("my checks/run.sh"), "exit 0\n");
    assertEquals(Optional.of(List.of("/bin/bash", "-c", "'" + fooBar.toAbsolutePath() + "/my checks/run.sh' '" + LABEL + "'")),
        plan(verification(HOST, "verify_args", args)).argv());
  }

  @Test
  void bracesFollowPythonFormat() {
    Verification.Plan p = plan(verification(HOST, "verify_args", List.of("-c", "echo {{image}} {image} '}}'")));
    assertEquals("echo {image} '" + LABEL + "' '}'", p.argv().get().get(2), "values quoted for the shell");
    assertThrows(IllegalArgumentException.class, () -> plan(verification(HOST, "verify_args", List.of("{tag}"))));
    assertThrows(IllegalArgumentException.class, () -> plan(verification(HOST, "verify_args", List.of("a } b"))));
  }

  @Test
  void aVerifyCommandNotFoundOnTheHostFailsWithUpstreamsMessage() {
    DockerPkgException e = assertThrows(DockerPkgException.class,
        () -> plan(verification(HOST, "verify_command", "/nonexistent", "verify_args", List.of())));
    assertEquals("Could not verify image foo-bar: /nonexistent not found", e.getMessage(), "test_verify_image_no_executable");
    assertEquals(DockerPkgException.Reason.CONFIG, e.reason());

    assertThrows(DockerPkgException.class,
        () -> plan(verification(Map.of("PATH", "/nonexistent"), "verify_command", "bash", "verify_args", List.of())));
    assertEquals(Optional.of(List.of("bash")),
        plan(verification(Map.of("PATH", "/nonexistent:/bin"), "verify_command", "bash", "verify_args", List.of())).argv(),
        "a bare name is looked up in PATH, as which does");
  }

  @Test
  void theEnvironmentIsOnlyPathAndTheProxyVariables() {
    assertEquals(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"),
        plan(verification(HOST, "verify_command", "/bin/false", "verify_args", List.of())).env(),
        "test_verify_path_environment: no HOME, DOCKER_HOST, JAVA_HOME");
    assertEquals(Map.of(), plan(verification(Map.of("HOME", "/root"), "verify_command", "/bin/false",
        "verify_args", List.of())).env(), "test_verify_without_path_environment");
    String proxy = "http://proxy.invalid:3128";
    assertEquals(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "http_proxy", proxy, "https_proxy", proxy,
        "HTTP_PROXY", proxy, "HTTPS_PROXY", proxy), plan(verification(HOST, "http_proxy", proxy)).env());
  }

  @Test
  void verifyInContainerMapsPathToTheMountAndAddsOnlyProxies() {
    Verification v = verification(Map.of(), "verify_in_container", true, "verify_command", "/only/in/the/image");
    Verification.Plan p = plan(v);
    assertTrue(v.inContainer());
    assertEquals(Optional.of(List.of("/only/in/the/image", "-c", Verification.MOUNT_PATH + "/test.sh " + LABEL)), p.argv(),
        "not looked up on the host; {path} is where the directory is mounted");
    assertEquals(Map.of(), p.env());
  }
}
