package org.containerops.dockerpkg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.containerops.dockerpkg.Fixtures;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config precedence and types, ported from upstream tests/test_cli.py:100-158 plus our checks. */
class ConfigLoaderTest {
  @TempDir Path tmp;

  private Path write(String name, String yaml) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, yaml);
  }

  @Test
  void localFileWinsOverUserFileWhichWinsOverDefaults() throws IOException {
    write("xdg/docker-pkg.yaml", "registry: user.example\nnamespace: userns\nscan_workers: 3\n");
    Path local = write("config.yaml", "registry: local.example\n");
    DockerPkgConfig c = new ConfigLoader(Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString()), tmp.resolve("home")).load(local);
    assertEquals("local.example", c.registry());
    assertEquals("userns", c.namespace());
    assertEquals(3, c.scanWorkers());
    assertEquals("wikimedia", c.distribution());
  }

  @Test
  void userFileDefaultsToDotConfigInHomeWithoutXdg() throws IOException {
    write("home/.config/docker-pkg.yaml", "namespace: fromhome\n");
    Path local = write("config.yaml", "");
    ConfigLoader loader = new ConfigLoader(Map.of(), tmp.resolve("home"));
    assertEquals(tmp.resolve("home/.config/docker-pkg.yaml"), loader.userConfigFile());
    assertEquals("fromhome", loader.load(local).namespace());
  }

  @Test
  void xdgConfigHomeReplacesDotConfig() throws IOException {
    write("home/.config/docker-pkg.yaml", "namespace: fromhome\n");
    Path local = write("config.yaml", "{}\n");
    ConfigLoader loader = new ConfigLoader(Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString()), tmp.resolve("home"));
    assertEquals("", loader.load(local).namespace());
  }

  @Test
  void missingConfigFileIsTheUpstreamError() {
    Path missing = tmp.resolve("nope.yaml");
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> new ConfigLoader(Map.of(), tmp).load(missing));
    assertEquals("Config file " + missing + " does not exist", e.getMessage());
    assertEquals(DockerPkgException.Reason.CONFIG, e.reason());
  }

  @Test
  void nestedMapsAreReplacedNotMerged() {
    DockerPkgConfig c = ConfigLoader.merge(Map.of(), Map.of("known_uid_mappings", Map.of("istio", 1337)));
    assertEquals(Map.of("istio", 1337), c.knownUidMappings());
  }

  @Test
  void aptOnlyProxyDefaultsToHttpProxyButAnExplicitOneWins() {
    assertEquals("http://p:8080", ConfigLoader.merge(Map.of(), Map.of("http_proxy", "http://p:8080")).aptOnlyProxy().orElseThrow());
    DockerPkgConfig both = ConfigLoader.merge(Map.of("apt_only_proxy", "http://apt:1"), Map.of("http_proxy", "http://p:8080"));
    assertEquals("http://apt:1", both.aptOnlyProxy().orElseThrow());
    assertTrue(ConfigLoader.defaultConfig().aptOnlyProxy().isEmpty());
  }

  @Test
  void defaultsAreUpstreamsAndCannotBeMutated() {
    DockerPkgConfig d = ConfigLoader.defaultConfig();
    assertEquals(Map.of("root", 0, "www-data", 33, "nobody", 65534), d.knownUidMappings());
    assertEquals(List.of("-c", "{path}/test.sh {image}"), d.verifyArgs());
    assertEquals("/bin/bash", d.verifyCommand());
    assertEquals(8, d.scanWorkers());
    assertEquals("s", d.updateId());
    assertEquals("Author", d.fallbackAuthor());
    assertEquals("email@domain", d.fallbackEmail());
    assertNull(d.values().get("http_proxy"));
    assertThrows(UnsupportedOperationException.class, () -> ConfigLoader.DEFAULTS.put("registry", "x"));
    assertThrows(UnsupportedOperationException.class, () -> d.values().put("registry", "x"));
    assertThrows(UnsupportedOperationException.class, () -> d.verifyArgs().set(0, "x"));
    ConfigLoader.merge(Map.of(), Map.of("verify_args", List.of("nope")));
    assertEquals(List.of("-c", "{path}/test.sh {image}"), ConfigLoader.defaultConfig().verifyArgs());
  }

  @Test
  void passwordNeverShowsInToString() {
    DockerPkgConfig c = ConfigLoader.merge(Map.of(), Map.of("username", "bot", "password", "s3cret-pw"));
    assertFalse(c.toString().contains("s3cret-pw"), c.toString());
    assertTrue(c.toString().contains("bot"));
    assertEquals("s3cret-pw", c.password().orElseThrow());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.merge(Map.of(), Map.of("password", 987654321)));
    assertFalse(e.getMessage().contains("987654321"), e.getMessage());
  }

  @Test
  void wrongTypesNameTheKey() throws IOException {
    Path local = write("config.yaml", "scan_workers: many\n");
    DockerPkgException e = assertThrows(DockerPkgException.class, () -> new ConfigLoader(Map.of(), tmp).load(local));
    assertTrue(e.getMessage().contains("scan_workers"), e.getMessage());
    IllegalArgumentException ia = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.merge(Map.of(), Map.of("base_images", "bullseye")));
    assertTrue(ia.getMessage().startsWith("base_images:"), ia.getMessage());
  }

  @Test
  void yamlIsReadWithPyYamlSemantics() throws IOException {
    Path local = write("config.yaml", "force_numeric_user: yes\nseed_image: ~\ncustom: 010\n");
    DockerPkgConfig c = new ConfigLoader(Map.of(), tmp).load(local);
    assertTrue(c.forceNumericUser());
    assertTrue(c.values().containsKey("seed_image"));
    assertNull(c.values().get("seed_image"));
    assertEquals(8, c.values().get("custom"));
  }

  @Test
  void corpusConfigLoads() {
    DockerPkgConfig c = new ConfigLoader(Map.of(), tmp).load(Fixtures.corpus().resolve("config.yaml"));
    assertEquals("docker-registry.wikimedia.org", c.registry());
    assertEquals(3, c.baseImages().size());
    assertEquals(9, c.knownUidMappings().size());
    assertEquals("docker-registry.wikimedia.org/buster:latest", c.seedImage().orElseThrow());
  }

  @Test
  void containerLimitsParseLikeUpstream() {
    assertEquals(Map.of("cpusetcpus", "0-2"), ContainerLimits.parse("cpusetcpus=0-2"));
    assertEquals(List.of("memory", "cpushares"), List.copyOf(ContainerLimits.parse("memory=1g,cpushares=512").keySet()));
    assertThrows(IllegalArgumentException.class, () -> ContainerLimits.parse("cpus=2"));
    assertThrows(IllegalArgumentException.class, () -> ContainerLimits.parse("memory"));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.merge(Map.of(), Map.of("container_limits", "bogus=1")));
    assertEquals(Map.of(), ConfigLoader.defaultConfig().containerLimits());
  }
}
