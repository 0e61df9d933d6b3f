package org.containerops.dockerpkg.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options upstream takes before the sub-command (cli.py:58-66); here they are accepted before or
 * after it. {@code --stacktrace} is ours: print the trace of an expected failure too.
 */
final class GlobalOptions {
  @Option(names = {"-c", "--configfile"}, paramLabel = "FILE",
      description = "Configuration file (default: config.yaml); must exist")
  Path configFile;

  @Option(names = "--debug", description = "Activate debug logging")
  boolean debug;

  @Option(names = "--info", description = "Activate info logging")
  boolean info;

  @Option(names = "--stacktrace", description = "Print the stack trace of a failure")
  boolean stacktrace;

  /** @return this command's value, else the parent's, else upstream's default {@code config.yaml} */
  static Path configFile(GlobalOptions own, GlobalOptions parent) {
    if (own.configFile != null) {
      return own.configFile;
    }
    return parent != null && parent.configFile != null ? parent.configFile : Path.of("config.yaml");
  }
}
