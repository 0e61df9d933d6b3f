package org.containerops.mirror.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.PushCacheSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code conda-oci push-cache}: push local packages the registry lacks. Never deletes local files. */
@Command(name = "push-cache", mixinStandardHelpOptions = true,
    description = "Push the packages of --cache-dir (a conda channel directory) that the registry lacks.")
final class PushCacheCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand CondaOciCli parent;
  @Mixin CommonOptions common;

  @Option(names = {"--all", "--push-all"}, arity = "0..1", fallbackValue = "true", description = "Push every package, present or not.")
  boolean all;

  @Option(names = "--dry-run", arity = "0..1", fallbackValue = "true", description = "Report only.")
  boolean dryRun;

  @Override
  public Integer call() {
    PushCacheSpec s;
    try {
      s = new PushCacheSpec(common.channel, common.subdirs, common.packages, all, dryRun, Path.of(common.cacheDir));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ConsoleListener listener = CondaOciCli.listener(spec.commandLine(), common);
    MirrorResult r;
    try (CondaOci oci = parent.open(common, listener)) {
      r = oci.pushCache(s);
    }
    listener.finish();
    return Summary.print(spec.commandLine(), r);
  }
}
