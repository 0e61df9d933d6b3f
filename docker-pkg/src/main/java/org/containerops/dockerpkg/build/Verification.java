package org.containerops.dockerpkg.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.engine.ImageEngine.CommandResult;

/**
 * Verifies a built image (upstream image.py:224-268) with {@code verify_command} and
 * {@code verify_args} (default {@code /bin/bash -c "{path}/test.sh {image}"}). As upstream: a
 * {@code {path}} word whose file does not exist means "nothing to verify" (success), and the
 * environment holds only the proxy variables besides the image's own. Unlike upstream, the command
 * runs through container-runtime inside a locked-down container of the image itself (no host shell,
 * no {@code which}): {@code {path}} is the image directory mounted read-only at {@value #MOUNT_PATH},
 * {@code {image}} the full label.
 */
final class Verification {
  /** Where the image directory appears in the verification container. */
  static final String MOUNT_PATH = "/docker-pkg/image";
  /** How long a verification may run. */
  static final Duration TIMEOUT = Duration.ofMinutes(30);

  /** @param argv the command to run; empty when there is nothing to verify */
  record Plan(Optional<List<String>> argv, String skipReason) {}

  private final DockerPkgConfig config;

  Verification(DockerPkgConfig config) {
    this.config = config;
  }

  /** @throws IllegalArgumentException when a {@code verify_args} entry does not split (bad quoting) */
  Plan plan(Path imageDir, String label) {
    for (String arg : config.verifyArgs()) {
      for (String word : ShellWords.split(arg)) {
        if (word.contains("{path}")) {
          Path host = Path.of(word.replace("{path}", imageDir.toAbsolutePath().toString()));
          if (!Files.exists(host)) {
            return new Plan(Optional.empty(), "Could not find path " + host + ", skipping verification");
          }
        }
      }
    }
    List<String> argv = new ArrayList<>();
    argv.add(config.verifyCommand());
    for (String arg : config.verifyArgs()) {
      argv.add(arg.replace("{path}", MOUNT_PATH).replace("{image}", label).replace("{{", "{").replace("}}", "}"));
    }
    return new Plan(Optional.of(argv), "");
  }

  /** The proxy variables verification and builds get (upstream drivers.py:33-43). */
  static Map<String, String> proxyEnv(DockerPkgConfig config) {
    Map<String, String> env = new LinkedHashMap<>();
    config.httpProxy().ifPresent(p -> {
      env.put("http_proxy", p);
      env.put("https_proxy", p);
      env.put("HTTP_PROXY", p);
      env.put("HTTPS_PROXY", p);
    });
    return env;
  }

  /** @return the command's result */
  CommandResult run(ImageEngine engine, Path imageDir, String label, List<String> argv) {
    return engine.run(label, imageDir.toAbsolutePath(), MOUNT_PATH, argv, proxyEnv(config), config.networkMode(), TIMEOUT);
  }
}
