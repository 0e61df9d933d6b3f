package org.containerops.mirror.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.containerops.mirror.Fixtures;
import org.containerops.mirror.cli.CondaOciCli;
import org.containerops.runtime.testing.LocalRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A registry behind htpasswd: refused without credentials, works with them, never shows the password. */
class AuthIT {
  private static final String USER = "mirror-bot";
  private static final String PASS = "pa55-w0rd-never-shown";
  private static LocalRegistry registry;

  @BeforeAll
  static void start() {
    registry = LocalRegistry.startWithAuth(USER, PASS);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static String[] run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CondaOciCli.commandLine(env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void refusedWithoutCredentialsWorksWithEnvOrDockerConfigAndNeverLeaksThePassword(@TempDir Path cache,
      @TempDir Path dockerConfig) throws Exception {
    String[] base = {"push-cache", "-c", "auth", "-s", "osx-64", "--cache-dir", Fixtures.channel().toString(),
        "--registry", registry.hostPort() + "/mirrors", "--retries", "0"};
    String[] refused = run(Map.of(), base);
    assertEquals("1", refused[0], refused[1] + refused[2]);
    assertTrue(refused[2].toLowerCase().contains("401") || refused[2].toLowerCase().contains("unauthorized"), refused[2]);

    String[] withEnv = run(Map.of("ORAS_USER", USER, "ORAS_PASS", PASS), base);
    assertEquals("0", withEnv[0], withEnv[1] + withEnv[2]);
    assertTrue(withEnv[1].contains("2 pushed"), withEnv[1]);

    String auth = Base64.getEncoder().encodeToString((USER + ":" + PASS).getBytes());
    Files.writeString(dockerConfig.resolve("config.json"),
        "{\"auths\": {\"" + registry.hostPort() + "\": {\"auth\": \"" + auth + "\"}}}");
    String[] withConfig = run(Map.of("DOCKER_CONFIG", dockerConfig.toString()), "mirror", "-c", "auth",
        "--channel-url", Fixtures.channel().toString(), "-s", "noarch", "--registry", registry.hostPort() + "/mirrors",
        "--cache-dir", cache.toString(), "--retries", "0");
    assertEquals("0", withConfig[0], withConfig[1] + withConfig[2]);

    String[] wrong = run(Map.of("ORAS_USER", USER, "ORAS_PASS", "wrong-" + PASS), base);
    assertEquals("1", wrong[0]);
    for (String[] r : new String[][] {refused, withEnv, withConfig, wrong}) {
      assertFalse((r[1] + r[2]).contains(PASS), "password leaked: " + r[1] + r[2]);
    }
  }
}
