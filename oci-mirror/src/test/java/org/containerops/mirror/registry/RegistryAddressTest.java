package org.containerops.mirror.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAddressTest {
  @Test
  void parsesSchemeHostAndNamespace() {
    RegistryAddress a = RegistryAddress.parse("ghcr.io/channel-mirrors/");
    assertEquals("ghcr.io", a.host());
    assertEquals("channel-mirrors", a.namespace());
    assertFalse(a.plainHttp());
    assertEquals("channel-mirrors/conda-forge/noarch/zlib", a.repository("conda-forge/noarch/zlib"));
    RegistryAddress h = RegistryAddress.parse("http://reg.internal:5000/dinosaur");
    assertTrue(h.plainHttp());
    assertEquals("reg.internal:5000", h.host());
    assertTrue(RegistryAddress.parse("127.0.0.1:5000").plainHttp(), "loopback defaults to plain HTTP");
    assertFalse(RegistryAddress.parse("https://localhost:5000").plainHttp());
    assertEquals("", RegistryAddress.parse("localhost:5000").namespace());
    assertThrows(IllegalArgumentException.class, () -> RegistryAddress.parse(" "));
    assertThrows(IllegalArgumentException.class, () -> RegistryAddress.parse("https://user:pw@host/x"));
  }

  @Test
  void credentialsComeFromEnvThenDockerConfig(@TempDir Path home) throws IOException {
    assertTrue(Credentials.resolve("reg:5000", Map.of(), home).isEmpty());
    Files.createDirectories(home.resolve(".docker"));
    String auth = Base64.getEncoder().encodeToString("alice:s3cr:et".getBytes(StandardCharsets.UTF_8));
    Files.writeString(home.resolve(".docker/config.json"), "{\"auths\": {\"reg:5000\": {\"auth\": \"" + auth + "\"}}}");
    Credentials c = Credentials.resolve("reg:5000", Map.of(), home).orElseThrow();
    assertEquals("alice", c.username());
    assertEquals("s3cr:et", c.password());
    assertFalse(c.toString().contains("s3cr"), "toString hides the password");
    Credentials env = Credentials.resolve("reg:5000", Map.of("ORAS_USER", "bob", "ORAS_PASS", "pw12"), home).orElseThrow();
    assertEquals("bob", env.username());
    assertTrue(Credentials.resolve("other:5000", Map.of("ORAS_USER", "bob"), home).isEmpty(), "both variables needed");
  }
}
