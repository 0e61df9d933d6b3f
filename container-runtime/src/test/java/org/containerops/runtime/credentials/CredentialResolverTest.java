package org.containerops.runtime.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver on temp config dirs and a credential helper script of the test's own on an injected PATH. */
class CredentialResolverTest {
  @TempDir Path tmp;
  private Path bin;
  private Path home;
  private Path helperLog;

  @BeforeEach
  void setUp() throws Exception {
    bin = Files.createDirectory(tmp.resolve("bin"));
    home = Files.createDirectories(tmp.resolve("home/.docker")).getParent();
    helperLog = tmp.resolve("helper.log");
    // answers per server URL like docker-credential-pass would; logs argv and stdin
    helper("test", """
        #!/bin/sh
        read -r url
        echo "$1 $url" >> %s
        case "$url" in
          helped.example) printf '{"ServerURL":"%%s","Username":"helper-user","Secret":"helper-pass"}' "$url" ;;
          https://index.docker.io/v1/) printf '{"ServerURL":"%%s","Username":"<token>","Secret":"hub-token"}' "$url" ;;
          slow.example) sleep 5 ;;
          broken.example) echo 'not json' ;;
          failing.example) echo 'error: keychain locked' ; exit 3 ;;
          *) echo 'credentials not found in native keychain' ; exit 1 ;;
        esac
        """.formatted(helperLog));
  }

  private void helper(String name, String script) throws Exception {
    Path p = Files.writeString(bin.resolve("docker-credential-" + name), script);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Map<String, String> env(String... kv) {
    Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "PATH", bin + ":/usr/bin:/bin"));
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  private CredentialResolver resolver(Map<String, String> env) {
    return new CredentialResolver(env, Duration.ofSeconds(2));
  }

  private void config(Path dir, String json) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), json);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void authsGiveUserAndPasswordFromAuthOrFieldsUnderNormalizedKeys() throws Exception {
    config(home.resolve(".docker"), """
        {"auths": {
          "https://reg.example:5000/v2/": {"auth": "%s"},
          "plain.example": {"username": "bob", "password": "pw:with:colons"},
          "https://index.docker.io/v1/": {"auth": "%s"},
          "token.example": {"auth": "%s", "identitytoken": "refresh-123"},
          "empty.example": {}
        }}""".formatted(b64("alice:s3cret"), b64("hubuser:hubpass"), b64("tok:")));
    CredentialResolver r = resolver(env());
    RegistryCredential c = r.resolve("reg.example:5000").orElseThrow();
    assertEquals("alice", c.username());
    assertEquals("s3cret", c.secret());
    assertEquals(home.resolve(".docker/config.json") + " (auths)", c.source());
    assertEquals("pw:with:colons", r.resolve("http://plain.example").orElseThrow().secret());
    for (String hub : new String[] {"docker.io", "index.docker.io", "registry-1.docker.io"}) {
      assertEquals("hubuser", r.resolve(hub).orElseThrow().username(), hub);
    }
    RegistryCredential token = r.resolve("token.example").orElseThrow();
    assertTrue(token.identityToken());
    assertEquals("refresh-123", token.secret());
    assertTrue(r.resolve("empty.example").isEmpty());
    assertTrue(r.resolve("other.example").isEmpty());
    assertFalse(c.toString().contains("s3cret"), c.toString());
  }

  @Test
  void dockerConfigWinsOverHomeAndHomeIsTheEnvironmentsNotUserHome() throws Exception {
    config(home.resolve(".docker"), "{\"auths\": {\"r.example\": {\"username\": \"from-home\", \"password\": \"p\"}}}");
    Path custom = tmp.resolve("custom");
    config(custom, "{\"auths\": {\"r.example\": {\"username\": \"from-docker-config\", \"password\": \"p\"}}}");
    assertEquals("from-home", resolver(env()).resolve("r.example").orElseThrow().username());
    assertEquals("from-docker-config",
        resolver(env("DOCKER_CONFIG", custom.toString())).resolve("r.example").orElseThrow().username());
    assertEquals(Optional.of(custom.resolve("config.json")), resolver(env("DOCKER_CONFIG", custom.toString())).configFile());
    Map<String, String> noHome = env();
    noHome.remove("HOME");
    assertTrue(resolver(noHome).configFile().isEmpty(), "user.home is not consulted");
    assertTrue(resolver(noHome).resolve("r.example").isEmpty());
    assertTrue(resolver(env("HOME", tmp.resolve("nowhere").toString())).resolve("r.example").isEmpty(),
        "a missing file is no credentials, not an error");
  }

  @Test
  void credHelpersPerRegistryThenCredsStoreThenAuths() throws Exception {
    config(home.resolve(".docker"), """
        {"credHelpers": {"https://helped.example/": "test"}, "credsStore": "test",
         "auths": {"inline.example": {"auth": "%s"}}}""".formatted(b64("inline:pw")));
    CredentialResolver r = resolver(env());
    RegistryCredential helped = r.resolve("helped.example").orElseThrow();
    assertEquals("helper-user", helped.username());
    assertEquals("helper-pass", helped.secret());
    assertTrue(helped.source().startsWith("credential helper docker-credential-test (credHelpers in "), helped.source());
    RegistryCredential hub = r.resolve("docker.io").orElseThrow();
    assertTrue(hub.identityToken(), "<token> user name means identity token");
    assertEquals("hub-token", hub.secret());
    assertTrue(hub.source().contains("(credsStore in "), hub.source());
    assertEquals("inline", r.resolve("inline.example").orElseThrow().username(), "store has none: auths");
    assertTrue(r.resolve("nothing.example").isEmpty());
    String log = Files.readString(helperLog);
    assertTrue(log.contains("get helped.example\n"), log);
    assertTrue(log.contains("get https://index.docker.io/v1/\n"), "hub's server URL as docker passes it: " + log);
  }

  @Test
  void helperFailuresAreErrorsNamingTheHelperNeverASecret() throws Exception {
    config(home.resolve(".docker"), "{\"credsStore\": \"test\", \"credHelpers\": {\"missing.example\": \"absent\"}}");
    CredentialResolver r = resolver(env());
    CredentialException slow = assertThrows(CredentialException.class, () -> r.resolve("slow.example"));
    assertTrue(slow.getMessage().contains("docker-credential-test did not answer for slow.example within 2 s"),
        slow.getMessage());
    assertTrue(assertThrows(CredentialException.class, () -> r.resolve("broken.example")).getMessage()
        .contains("without JSON"));
    assertTrue(assertThrows(CredentialException.class, () -> r.resolve("failing.example")).getMessage()
        .contains("docker-credential-test failed for failing.example (exit 3): error: keychain locked"));
    CredentialException absent = assertThrows(CredentialException.class, () -> r.resolve("missing.example"));
    assertTrue(absent.getMessage().contains("docker-credential-absent is not on PATH"), absent.getMessage());
  }

  @Test
  void aMalformedConfigIsAnErrorNamingTheFileLineAndColumn() throws Exception {
    config(home.resolve(".docker"), "{\n  \"auths\": {\n    \"r.example\": {\"auth\": \"x\",}\n  }\n}\n");
    CredentialException e = assertThrows(CredentialException.class, () -> resolver(env()).resolve("r.example"));
    assertTrue(e.getMessage().startsWith("malformed docker config " + home.resolve(".docker/config.json") + ": line 3, column "),
        e.getMessage());
    config(home.resolve(".docker"), "{\"auths\": {\"r.example\": {\"auth\": \"" + b64("no-colon") + "\"}}}");
    assertTrue(assertThrows(CredentialException.class, () -> resolver(env()).resolve("r.example")).getMessage()
        .contains("auths.r.example.auth is not base64 of user:password"));
    config(home.resolve(".docker"), "{\"credHelpers\": []}");
    assertTrue(assertThrows(CredentialException.class, () -> resolver(env()).resolve("r.example")).getMessage()
        .contains("'credHelpers' must be an object"));
  }

  @Test
  void refusalMessagesNameRegistrySourceAndUserButNoSecret() throws Exception {
    config(home.resolve(".docker"), "{\"auths\": {\"r.example\": {\"username\": \"bob\", \"password\": \"hunter22\"}}}");
    RegistryCredential c = resolver(env()).resolve("r.example").orElseThrow();
    String m = c.refusedMessage("r.example");
    assertEquals("registry r.example refused the credentials from " + home.resolve(".docker/config.json")
        + " (auths) for bob", m);
    String anon = resolver(env()).anonymousRefusedMessage("other.example");
    assertTrue(anon.contains(home.resolve(".docker/config.json").toString()) && anon.contains("docker login"), anon);
  }
}
