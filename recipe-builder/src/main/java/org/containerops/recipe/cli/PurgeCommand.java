package org.containerops.recipe.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.containerops.recipe.RecipeBuilder;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.image.MulledImage;
import org.containerops.runtime.ContainerRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recipe-builder purge --target T name=version--build...}: upstream's {@code purgeImage(target, img)}
 * ({@code docker_utils.py:512-519}), removing {@code <registry>/<target>/<name>:<version>--<build>}.
 * A malformed spec is a usage error (2) naming it; an absent image is reported, not an error.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
    description = "Remove mulled test images given the upload target and name=version--build specs.")
final class PurgeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"--target", "--mulled-upload-target"}, required = true, paramLabel = "TARGET",
      description = "Upload target (registry namespace), e.g. biocontainers")
  String target;

  @Option(names = "--registry", paramLabel = "HOST", description = "Registry host (default: quay.io)")
  String registry = MulledImage.DEFAULT_REGISTRY;

  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "name=version--build")
  List<String> specs;

  @Option(names = "--stacktrace", description = "Print the stack trace of a failure")
  boolean stacktrace;

  @Override
  public Integer call() {
    List<MulledImage> images = new ArrayList<>();
    for (String s : specs) {
      try {
        images.add(MulledImage.parse(registry, target, s));
      } catch (RecipeBuilderException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
    try (ContainerRuntime runtime = ContainerRuntime.connect()) {
      for (MulledImage image : images) {
        boolean removed = RecipeBuilder.purgeImage(runtime, image);
        spec.commandLine().getOut().println((removed ? "removed " : "not present ") + image.reference());
      }
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
