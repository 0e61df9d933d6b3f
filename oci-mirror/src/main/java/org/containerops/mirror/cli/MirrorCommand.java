package org.containerops.mirror.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.channel.ChannelSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code conda-oci mirror}: mirror a channel's packages and repodata into the registry. */
@Command(name = "mirror", mixinStandardHelpOptions = true, description = "Mirror a conda channel into an OCI registry.")
final class MirrorCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand CondaOciCli parent;
  @Mixin CommonOptions common;

  @Option(names = "--channel-url", description = "Channel base URL or local directory (default: https://conda.anaconda.org/<channel>).")
  String channelUrl;

  @Option(names = "--dry-run", arity = "0..1", fallbackValue = "true", description = "Plan only: no downloads, no registry writes.")
  boolean dryRun;

  @Override
  public Integer call() {
    MirrorSpec s;
    try {
      MirrorSpec.Builder b = MirrorSpec.builder().channel(common.channel).subdirs(common.subdirs)
          .packages(common.packages).dryRun(dryRun).workers(common.workers).cacheDir(Path.of(common.cacheDir));
      if (channelUrl != null) {
        b.channelUrl(ChannelSource.toUri(channelUrl));
      }
      s = b.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ConsoleListener listener = CondaOciCli.listener(spec.commandLine(), common);
    MirrorResult r;
    try (CondaOci oci = parent.open(common, listener)) {
      spec.commandLine().getErr().println("mirroring " + s.channelUrl() + " " + s.subdirs() + " to " + common.registry);
      r = oci.mirror(s);
    }
    listener.finish();
    return Summary.print(spec.commandLine(), r);
  }
}
