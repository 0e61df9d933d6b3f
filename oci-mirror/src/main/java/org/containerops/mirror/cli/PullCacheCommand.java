package org.containerops.mirror.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.PullCacheResult;
import org.containerops.mirror.api.PullCacheSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code conda-oci pull-cache}: pull packages into a local conda channel directory. */
@Command(name = "pull-cache", mixinStandardHelpOptions = true,
    description = "Pull the newest (or all) packages into --cache-dir laid out as a conda channel.")
final class PullCacheCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand CondaOciCli parent;
  @Mixin CommonOptions common;

  @Option(names = "--all-versions", description = "Every version, not only the newest per name.")
  boolean allVersions;

  @Override
  public Integer call() {
    PullCacheSpec s;
    try {
      s = new PullCacheSpec(common.channel, common.subdirs, common.packages, allVersions, Path.of(common.cacheDir),
          common.workers);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ConsoleListener listener = CondaOciCli.listener(spec.commandLine(), common);
    PullCacheResult r;
    try (CondaOci oci = parent.open(common, listener)) {
      r = oci.pullCache(s);
    }
    listener.finish();
    spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%d files in %s (%d downloaded, %d bytes) in %.1f s%n",
        r.files().size(), s.cacheDir(), r.downloaded(), r.bytes(), r.elapsed().toMillis() / 1000.0);
    if (r.ok()) {
      return CommandLine.ExitCode.OK;
    }
    r.failed().keySet().stream().sorted().forEach(k -> spec.commandLine().getErr().println("  failed: " + k));
    spec.commandLine().getErr().println("conda-oci: " + r.failed().size() + " failed; see the errors above");
    return CommandLine.ExitCode.SOFTWARE;
  }
}
