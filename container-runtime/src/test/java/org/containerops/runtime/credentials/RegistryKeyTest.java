package org.containerops.runtime.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registry keys normalized as docker's ConvertToHostname and IndexServer do. */
class RegistryKeyTest {
  @Test
  void keysAreNormalizedAsDockerDoes() {
    Map<String, String> table = new LinkedHashMap<>();
    table.put("https://index.docker.io/v1/", RegistryKey.DOCKER_HUB);
    table.put("docker.io", RegistryKey.DOCKER_HUB);
    table.put("index.docker.io", RegistryKey.DOCKER_HUB);
    table.put("registry-1.docker.io", RegistryKey.DOCKER_HUB);
    table.put("https://registry-1.docker.io/v2/", RegistryKey.DOCKER_HUB);
    table.put("ghcr.io", "ghcr.io");
    table.put("https://ghcr.io", "ghcr.io");
    table.put("http://127.0.0.1:5000", "127.0.0.1:5000");
    table.put("127.0.0.1:5000/v2/", "127.0.0.1:5000");
    table.put("https://Quay.IO/some/path", "quay.io");
    table.put("  registry.example:443  ", "registry.example:443");
    table.forEach((given, want) -> assertEquals(want, RegistryKey.normalize(given), given));
    assertThrows(IllegalArgumentException.class, () -> RegistryKey.normalize(" "));
  }
}
