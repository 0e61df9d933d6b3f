package org.containerops.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.Mount;
import org.containerops.runtime.api.SandboxListener;
import org.containerops.runtime.api.SandboxResult;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.api.StdinSource;
import org.containerops.runtime.protocol.ProtocolJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code container-runtime run --image IMG [--mount DIR[:rw]] [--stdin FILE] [--timeout S] -- CMD...}:
 * runs one sandboxed command, prints its {@code data} as JSON on stdout (sorted keys, indent 2) and
 * streams its stderr to stderr.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    description = "Run CMD in a locked-down container and print the data of its JSON reply.")
final class RunCommand implements Callable<Integer> {
  /** Exit code after Ctrl-C (128 + SIGINT), as shells report it. */
  static final int INTERRUPTED = 130;

  @Spec CommandSpec spec;

  @Option(names = "--image", required = true, paramLabel = "IMG", description = "Image, present locally.")
  String image;

  @Option(names = "--mount", paramLabel = "DIR[:rw]",
      description = "Host dir to mount (read-only; ':rw' for read-write). Symlinks are resolved; '/', the engine"
          + " socket and (without --allow-system-mount) system directories are refused.")
  String mount;

  @Option(names = "--allow-system-mount",
      description = "Allow --mount of a system directory (/etc, /proc, /sys, /dev, /boot, /var/run, /run and below)."
          + " '/' and the engine socket are refused anyway.")
  boolean allowSystemMount;

  @Option(names = "--mount-path", paramLabel = "PATH", defaultValue = Mount.DEFAULT_CONTAINER_PATH,
      description = "Where the mount appears in the container (default: ${DEFAULT-VALUE}).")
  String mountPath;

  @Option(names = "--stdin", paramLabel = "FILE", description = "Feed FILE ('-' for this process's stdin).")
  String stdin;

  @Option(names = "--timeout", paramLabel = "S", description = "Kill the container after S seconds (default 3600).")
  Long timeoutSeconds;

  @Option(names = {"-e", "--env"}, paramLabel = "NAME=VALUE", description = "Set an environment variable.")
  Map<String, String> env = Map.of();

  @Option(names = "--secret-env", paramLabel = "NAME",
      description = "Pass NAME from this environment; its value is masked in logs and errors.")
  List<String> secretEnv = List.of();

  @Option(names = "--network", defaultValue = "none", description = "none (default), host or a network name.")
  String network;

  @Option(names = {"-u", "--user"}, paramLabel = "UID[:GID]", description = "User to run as (default: the image's non-root USER).")
  String user;

  @Option(names = "--root", description = "Allow running as root.")
  boolean root;

  @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory in the container.")
  String workdir;

  @Option(names = "--stacktrace", description = "Print the full stack trace on failure.")
  boolean stacktrace;

  @Parameters(paramLabel = "CMD", arity = "1..*", description = "The command and its arguments (after --).")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    SandboxSpec sandbox = sandboxSpec();
    PrintWriter err = spec.commandLine().getErr();
    try (ShutdownSignal signal = ShutdownSignal.watch(); ContainerRuntime runtime = ContainerRuntime.connect()) {
      SandboxResult result;
      try {
        result = runtime.run(sandbox, new SandboxListener() {
          @Override
          public void stderrLine(String containerId, String line) {
            synchronized (err) {
              err.println(line);
              err.flush();
            }
          }
        });
      } catch (ContainerRuntimeError e) {
        if (!signal.received()) {
          throw e;
        }
        Thread.interrupted(); // let close() remove what is left
        err.println("container-runtime: stopped by a signal; container stopped");
        err.flush();
        return INTERRUPTED;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(ProtocolJson.dumps(result.data()));
      out.flush();
    }
    return ExitCode.OK;
  }

  private SandboxSpec sandboxSpec() {
    try {
      SandboxSpec.Builder b = SandboxSpec.builder(image).command(command).network(network).env(env);
      if (mount != null) {
        boolean rw = mount.endsWith(":rw");
        String dir = rw || mount.endsWith(":ro") ? mount.substring(0, mount.length() - 3) : mount;
        Path given = Path.of(dir);
        if (Files.exists(given) && !Files.isDirectory(given)) {
          throw new IllegalArgumentException("--mount: " + given + (given.toRealPath().equals(given.toAbsolutePath())
              ? "" : " (resolves to " + given.toRealPath() + ")") + " is a file; a directory is required");
        }
        b.mount(new Mount(given, mountPath, !rw));
        if (allowSystemMount) {
          b.allowSystemMounts();
        }
      }
      if (stdin != null) {
        if ("-".equals(stdin)) {
          b.stdin(StdinSource.ofStream(System.in));
        } else if (!Files.isRegularFile(Path.of(stdin))) {
          throw new IllegalArgumentException("--stdin: no such file: " + stdin);
        } else {
          b.stdin(StdinSource.ofFile(Path.of(stdin)));
        }
      }
      for (String name : secretEnv) {
        String value = System.getenv(name);
        if (value == null) {
          throw new IllegalArgumentException("--secret-env: " + name + " is not set in this environment");
        }
        b.secretEnv(name, value);
      }
      if (timeoutSeconds != null) {
        b.timeout(Duration.ofSeconds(timeoutSeconds));
      }
      if (user != null) {
        b.user(user);
      }
      if (root) {
        b.runAsRoot();
      }
      if (workdir != null) {
        b.workingDir(workdir);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new ParameterException(spec.commandLine(), "--mount: cannot resolve " + mount + ": " + e.getMessage(), e);
    }
  }
}
