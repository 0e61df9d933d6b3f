package org.containerops.mirror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.PackageRepo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code conda-oci show}: index.json, info members and (with --download) the archive of one package. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one package: name:version-build.")
final class ShowCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand CondaOciCli parent;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "NAME:VERSION-BUILD") String ref;

  @Option(names = "--download", paramLabel = "DIR", description = "Also download the archive (.conda preferred) into DIR.")
  Path download;

  @Override
  public Integer call() throws Exception {
    if (common.subdirs.size() != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "show: give exactly one --subdir");
    }
    ConsoleListener listener = CondaOciCli.listener(spec.commandLine(), common);
    try (CondaOci oci = parent.open(common, listener)) {
      PackageRepo repo = oci.packageRepo(common.channel, common.subdirs.get(0));
      var out = spec.commandLine().getOut();
      out.println("index.json:");
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(repo.indexJson(ref)));
      out.println("info.tar.gz:");
      repo.infoMembers(ref).forEach(m -> out.println("  " + m));
      if (download != null) {
        out.println("package: " + repo.fetchPackage(ref, download));
      }
    }
    return CommandLine.ExitCode.OK;
  }
}
