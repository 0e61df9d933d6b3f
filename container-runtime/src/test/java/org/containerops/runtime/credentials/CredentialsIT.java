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
import java.util.Map;
import java.util.Optional;
import org.containerops.runtime.testing.LocalRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolved credentials against a real htpasswd registry (docker-registry, bcrypt). */
class CredentialsIT {
  private static final String USER = "ci-user";
  private static final String PASS = "s3cret-pass";
  private final RegistryLoginCheck check = new RegistryLoginCheck(Duration.ofSeconds(10));

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static CredentialResolver resolver(Path dockerConfig, Path bin) {
    return new CredentialResolver(Map.of("DOCKER_CONFIG", dockerConfig.toString(), "HOME", "/nonexistent",
        "PATH", bin + ":/usr/bin:/bin"), Duration.ofSeconds(10));
  }

  @Test
  void resolvedCredentialsLetTheGetSucceedAndAWrongPasswordIsReportedWithItsSource(@TempDir Path tmp)
      throws Exception {
    Path bin = Files.createDirectory(tmp.resolve("bin"));
    try (LocalRegistry registry = LocalRegistry.startWithAuth(USER, PASS)) {
      String host = registry.hostPort();
      Path good = Files.createDirectory(tmp.resolve("good"));
      Files.writeString(good.resolve("config.json"),
          "{\"auths\": {\"http://" + host + "\": {\"auth\": \"" + b64(USER + ":" + PASS) + "\"}}}");
      CredentialResolver r = resolver(good, bin);
      Optional<RegistryCredential> c = r.resolve(host);
      assertEquals(USER, c.orElseThrow().username());
      check.check(registry.uri(), c, r); // 200

      Path wrong = Files.createDirectory(tmp.resolve("wrong"));
      Files.writeString(wrong.resolve("config.json"),
          "{\"auths\": {\"" + host + "\": {\"username\": \"" + USER + "\", \"password\": \"wrong-pass\"}}}");
      CredentialResolver rw = resolver(wrong, bin);
      CredentialException e = assertThrows(CredentialException.class,
          () -> check.check(registry.uri(), rw.resolve(host), rw));
      assertEquals("registry " + host + " refused the credentials from " + wrong.resolve("config.json")
          + " (auths) for " + USER, e.getMessage());
      assertFalse(e.getMessage().contains("wrong-pass"));

      Path none = Files.createDirectory(tmp.resolve("none"));
      CredentialResolver rn = resolver(none, bin);
      CredentialException anon = assertThrows(CredentialException.class,
          () -> check.check(registry.uri(), rn.resolve(host), rn));
      assertTrue(anon.getMessage().contains("none were found") && anon.getMessage().contains(none.toString()),
          anon.getMessage());
    }
  }

  @Test
  void credentialsFromAHelperScriptWorkAgainstTheRegistry(@TempDir Path tmp) throws Exception {
    Path bin = Files.createDirectory(tmp.resolve("bin"));
    Path helper = Files.writeString(bin.resolve("docker-credential-ittest"), """
        #!/bin/sh
        read -r url
        printf '{"ServerURL":"%%s","Username":"%s","Secret":"%s"}' "$url"
        """.formatted(USER, PASS));
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    try (LocalRegistry registry = LocalRegistry.startWithAuth(USER, PASS)) {
      Path cfg = Files.createDirectory(tmp.resolve("cfg"));
      Files.writeString(cfg.resolve("config.json"), "{\"credHelpers\": {\"" + registry.hostPort() + "\": \"ittest\"}}");
      CredentialResolver r = resolver(cfg, bin);
      RegistryCredential c = r.resolve("http://" + registry.hostPort() + "/v2/").orElseThrow();
      assertTrue(c.source().startsWith("credential helper docker-credential-ittest"), c.source());
      check.check(registry.uri(), Optional.of(c), r);
    }
  }
}
