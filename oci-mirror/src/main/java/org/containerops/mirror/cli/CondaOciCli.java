package org.containerops.mirror.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorException;
import org.containerops.mirror.registry.Credentials;
import org.containerops.mirror.registry.Limits;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.mirror.registry.RetryPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code conda-oci}: mirror conda channels into OCI registries (upstream conda-oci-mirror's CLI,
 * {@code cli.py}). Exit 0 done, 1 failed (one line on stderr, {@code --stacktrace} for more), 2 bad usage.
 */
@Command(name = "conda-oci", mixinStandardHelpOptions = true, versionProvider = CondaOciCli.Version.class,
    subcommands = {MirrorCommand.class, PullCacheCommand.class, PushCacheCommand.class, ShowCommand.class,
        CommandLine.HelpCommand.class},
    description = "Mirror conda channels into OCI registries (conda-oci-mirror v0 layout).")
public final class CondaOciCli {
  private final Map<String, String> env;

  CondaOciCli(Map<String, String> env) {
    this.env = env;
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    // oras-java logs every failed request with a stack trace; our summary reports failures instead
    if (System.getProperty("org.slf4j.simpleLogger.log.land.oras") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.land.oras", "off");
    }
    System.exit(commandLine().execute(args));
  }

  /** The command line with the process environment. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line reading credentials from {@code env} (tests pass their own). */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new CondaOciCli(env));
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean trace = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--stacktrace");
      if (trace || !(e instanceof MirrorException || e instanceof IllegalArgumentException)) {
        e.printStackTrace(cmd.getErr());
        return CommandLine.ExitCode.SOFTWARE;
      }
      cmd.getErr().println("conda-oci: " + e.getMessage());
      return e instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
    });
    return cl;
  }

  Map<String, String> env() {
    return env;
  }

  /** Opens the facade for the common options; the caller closes it. */
  CondaOci open(CommonOptions o, ConsoleListener listener) {
    RegistryAddress address = RegistryAddress.parse(o.registry);
    Optional<Credentials> credentials = CondaOci.credentialsFor(address, env);
    return CondaOci.connect(address, credentials, retry(o), new Limits(o.maxManifestBytes, o.maxRepodataBytes), listener);
  }

  static RetryPolicy retry(CommonOptions o) {
    if (o.timeoutMillis <= 0 || o.retries < 0) {
      throw new IllegalArgumentException("--timeout: want > 0 ms and --retries >= 0");
    }
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < o.retries; i++) {
      delays.add(RetryPolicy.UPSTREAM.delays().get(Math.min(i, RetryPolicy.UPSTREAM.delays().size() - 1)));
    }
    return new RetryPolicy(Duration.ofMillis(o.timeoutMillis), delays);
  }

  static ConsoleListener listener(CommandLine cmd, CommonOptions o) {
    PrintWriter err = cmd.getErr();
    return new ConsoleListener(err, o.quiet, System.console() != null && System.getenv("TERM") != null
        && !"dumb".equals(System.getenv("TERM")));
  }

  /** {@code --version} from the jar manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CondaOciCli.class.getPackage().getImplementationVersion();
      return new String[] {"conda-oci " + (v == null ? "(development build)" : v)};
    }
  }
}
