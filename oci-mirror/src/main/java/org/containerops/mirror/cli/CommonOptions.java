package org.containerops.mirror.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every subcommand shares (upstream {@code cli.py:18-31}). */
final class CommonOptions {
  @Option(names = {"-c", "--channel"}, defaultValue = "conda-forge", description = "Channel name (default: ${DEFAULT-VALUE}).")
  String channel;

  @Option(names = {"-s", "--subdir"}, description = "Subdir, repeatable (default: the 7 common ones).")
  List<String> subdirs = new ArrayList<>();

  @Option(names = {"-p", "--package"}, description = "Package name glob, repeatable (default: all).")
  List<String> packages = new ArrayList<>();

  @Option(names = "--registry", defaultValue = "ghcr.io/channel-mirrors",
      description = "host[:port][/namespace]; http:// or a loopback host means plain HTTP (default: ${DEFAULT-VALUE}).")
  String registry;

  @Option(names = "--cache-dir", defaultValue = "cache", description = "Cache directory (default: ./${DEFAULT-VALUE}).")
  String cacheDir;

  @Option(names = "--workers", defaultValue = "4", description = "Parallel transfers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--timeout", defaultValue = "60000",
      description = "Timeout of each HTTP request in milliseconds (default: ${DEFAULT-VALUE}).")
  long timeoutMillis;

  @Option(names = "--retries", defaultValue = "5",
      description = "Retries on connection errors and 5xx, with upstream's 3, 5, 11, 29, 83 s back-off (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--max-manifest-bytes", defaultValue = "4194304",
      description = "Refuse a manifest larger than this many bytes (default: ${DEFAULT-VALUE}).")
  long maxManifestBytes;

  @Option(names = "--max-repodata-bytes", defaultValue = "2147483648",
      description = "Refuse a repodata.json larger than this many bytes, from the channel or the registry (default: ${DEFAULT-VALUE}).")
  long maxRepodataBytes;

  @Option(names = "--quiet", arity = "0..1", fallbackValue = "true", description = "Only warnings, errors and the summary.")
  boolean quiet;

  @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
  boolean stacktrace;
}
