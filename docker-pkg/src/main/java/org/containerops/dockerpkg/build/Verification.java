package org.containerops.dockerpkg.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.engine.ImageEngine.CommandResult;
import org.containerops.runtime.secret.SecretMask;

/**
 * Verifies a built image (upstream image.py:224-268) with {@code verify_command} and
 * {@code verify_args} (default {@code /bin/bash -c "{path}/test.sh {image}"}):
 *
 * <ul>
 *   <li>each {@code verify_args} element is split as {@code shlex.split}; a word with {@code {path}}
 *       whose file does not exist means "nothing to verify" (success);
 *   <li>the arguments are the elements with {@code {path}} (the image directory) and {@code {image}}
 *       (the full label) formatted in, as Python's {@code str.format} ({@code {{}}} for braces);
 *       in the script of a shell's {@code -c} (the default) each value is quoted for where it lands
 *       ({@link ShellScriptFormat}), so the shell gets it as one word of data and never runs
 *       anything in it (upstream formatted it in unquoted);
 *   <li>by default the command runs <b>on the host</b>, as upstream: it must be found
 *       ({@code which}, else "Could not verify image … not found"), and it gets an environment of
 *       only the proxy variables (when {@code http_proxy} is set) and the host's {@code PATH};
 *       a {@code test.sh} typically runs {@code docker run --rm "$1" …} itself;
 *   <li>with {@code verify_in_container: true} (ours) it runs instead inside a locked-down container
 *       of the image itself, the image directory read-only at {@value #MOUNT_PATH} ({@code {path}}),
 *       with only the proxy variables added to the image's environment.
 * </ul>
 *
 * Output lines are masked ({@link SecretMask}: the registry password, URL passwords) before they
 * reach the listener or a report. Thread-safe.
 */
final class Verification {
  /** Where the image directory appears in the verification container ({@code verify_in_container}). */
  static final String MOUNT_PATH = "/docker-pkg/image";
  /** How long a verification may run. */
  static final Duration TIMEOUT = Duration.ofMinutes(30);

  /**
   * What to run.
   *
   * @param argv the command; empty when there is nothing to verify
   * @param env the environment of the command: on the host all of it, in a container what is added
   * @param skipReason why nothing is verified, {@code ""} when {@code argv} is present
   */
  record Plan(Optional<List<String>> argv, Map<String, String> env, String skipReason) {
    Plan {
      env = Map.copyOf(env);
    }
  }

  private final DockerPkgConfig config;
  private final Map<String, String> hostEnv;
  private final HostVerifier host;
  private final Duration timeout;

  Verification(DockerPkgConfig config) {
    this(config, System.getenv(), TIMEOUT);
  }

  /**
   * @param hostEnv the environment docker-pkg runs in: its {@code PATH} is passed on and searched
   * @param timeout how long a verification may run
   */
  Verification(DockerPkgConfig config, Map<String, String> hostEnv, Duration timeout) {
    this.config = config;
    this.hostEnv = Map.copyOf(hostEnv);
    this.host = new HostVerifier(timeout);
    this.timeout = timeout;
  }

  /** @return how long a verification may run */
  Duration timeout() {
    return timeout;
  }

  /** @return whether the command runs in a container of the image ({@code verify_in_container}) */
  boolean inContainer() {
    return config.verifyInContainer();
  }

  /**
   * @param name the image's short name, for messages
   * @throws IllegalArgumentException when a {@code verify_args} entry does not split (bad quoting) or
   *     has a placeholder other than {@code {path}} and {@code {image}}
   * @throws DockerPkgException reason CONFIG when the command is to run on the host and is not
   *     found there (upstream's {@code which} check)
   */
  Plan plan(Path imageDir, String name, String label) {
    String dir = imageDir.toAbsolutePath().toString();
    Map<String, String> hostFields = Map.of("path", dir, "image", label);
    for (String arg : config.verifyArgs()) {
      for (String word : ShellWords.split(arg)) {
        if (word.contains("{path}")) {
          Path file = Path.of(format(word, hostFields));
          if (!Files.exists(file)) {
            return new Plan(Optional.empty(), Map.of(), "Could not find path " + file + ", skipping verification");
          }
        }
      }
    }
    Map<String, String> fields = inContainer() ? Map.of("path", MOUNT_PATH, "image", label) : hostFields;
    List<String> argv = new ArrayList<>();
    argv.add(config.verifyCommand());
    int script = ShellScriptFormat.scriptIndex(config.verifyCommand(), config.verifyArgs());
    for (int i = 0; i < config.verifyArgs().size(); i++) {
      String arg = config.verifyArgs().get(i);
      argv.add(i == script ? ShellScriptFormat.format(arg, fields) : format(arg, fields));
    }
    if (inContainer()) {
      return new Plan(Optional.of(argv), proxyEnv(config), "");
    }
    if (!onHost(config.verifyCommand())) {
      throw new DockerPkgException(Reason.CONFIG, imageDir, "Could not verify image " + name + ": "
          + config.verifyCommand() + " not found");
    }
    Map<String, String> env = new LinkedHashMap<>(proxyEnv(config));
    String path = hostEnv.getOrDefault("PATH", "");
    if (!path.isEmpty()) {
      env.put("PATH", path);
    }
    return new Plan(Optional.of(argv), env, "");
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

  /**
   * Runs a plan with a command, on the host or in a container of {@code label}; each masked output
   * line goes to {@code log} (on the host as it comes, from another thread).
   *
   * @return how it ended; never throws for the command's own failure
   */
  HostVerifier.Outcome run(ImageEngine engine, Path imageDir, String label, Plan plan, Consumer<String> log) {
    List<String> argv = plan.argv().orElseThrow();
    SecretMask lineMask = SecretMask.of(config.password().map(List::of).orElse(List.of()), plan.env());
    if (!inContainer()) {
      return host.run(argv, plan.env(), lineMask, log);
    }
    CommandResult r = engine.run(label, imageDir.toAbsolutePath(), MOUNT_PATH, argv, plan.env(), config.networkMode(),
        timeout);
    List<String> lines = r.output().lines().map(lineMask::mask).toList();
    lines.forEach(log);
    return new HostVerifier.Outcome(r.exitCode(), false,
        lines.subList(Math.max(0, lines.size() - HostVerifier.TAIL_LINES), lines.size()));
  }

  /**
   * Upstream's {@code which verify_command}: a name with a {@code /} must be an executable file
   * (relative to the working directory), any other name is looked up in the host's {@code PATH}.
   */
  private boolean onHost(String command) {
    if (command.isEmpty()) {
      return false;
    }
    if (command.contains("/")) {
      return executable(Path.of(command));
    }
    for (String d : hostEnv.getOrDefault("PATH", "").split(":", -1)) {
      if (executable(Path.of(d.isEmpty() ? "." : d).resolve(command))) {
        return true;
      }
    }
    return false;
  }

  private static boolean executable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }

  /**
   * Python's {@code str.format} with keyword fields only: {@code {name}} is replaced,
   * {@code {{}} and {@code }}} become single braces.
   *
   * @throws IllegalArgumentException for an unknown field or a lone brace, naming the text
   */
  static String format(String text, Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        out.append('{');
        i++;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        out.append('}');
        i++;
      } else if (c == '{') {
        int end = text.indexOf('}', i);
        String field = end < 0 ? null : fields.get(text.substring(i + 1, end));
        if (field == null) {
          throw new IllegalArgumentException("unknown placeholder in \"" + text + "\" (known: {path}, {image}; "
              + "write {{ and }} for braces)");
        }
        out.append(field);
        i = end;
      } else if (c == '}') {
        throw new IllegalArgumentException("single '}' in \"" + text + "\" (write }} for a brace)");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
