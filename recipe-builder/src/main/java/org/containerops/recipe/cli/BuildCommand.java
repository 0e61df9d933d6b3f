package org.containerops.recipe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildRunResult;
import org.containerops.recipe.api.BuildSpec;
import org.containerops.recipe.api.BuilderSpec;
import org.containerops.recipe.api.BuilderSpec.UserMode;
import org.containerops.recipe.RecipeBuilder;
import org.containerops.runtime.ContainerRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recipe-builder build RECIPE_DIR...}: upstream's {@code bioconda-utils build --docker}
 * options ({@code bioconda_utils/cli.py:486-517}, {@code :650-681}) that concern the builder.
 * stdout: one line per recipe and a summary; stderr: progress, build output, failures.
 */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Build recipes, in dependency order, in a build container into a local channel.")
final class BuildCommand implements Callable<Integer> {
  /** Upstream's default build image name (upstream appends its own version; no pulls happen here). */
  static final String DEFAULT_IMAGE = "quay.io/bioconda/bioconda-utils-build-env-cos7:latest";

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RECIPE_DIR", description = "Recipe directories (with meta.yaml)")
  List<Path> recipes;

  @Option(names = {"--docker-base-image", "--image"}, paramLabel = "IMAGE",
      description = "Build image (default: $BUILD_ENV_IMAGE, else " + DEFAULT_IMAGE + ")")
  String image;

  @Option(names = "--build-image", description = "Build a derived image from the Dockerfile template (content-tagged, reused)")
  boolean buildImage;

  @Option(names = "--keep-image", description = "Keep the derived image after the run (a later run reuses it)")
  boolean keepImage;

  @Option(names = {"--pkg-dir", "--pkg_dir"}, paramLabel = "DIR", description = "Staging channel (created when missing)")
  Path pkgDir;

  @Option(names = "--use-host-conda-bld",
      description = "Use the host conda-bld ($CONDA_BLD_PATH, else <conda root>/conda-bld) as the staging channel"
          + " (the default when --pkg-dir is not given, as upstream)")
  boolean useHostCondaBld;

  @Option(names = "--channel", paramLabel = "NAME", split = ",",
      description = "Channels after 'local' (default: conda-forge,bioconda)")
  List<String> channels = new ArrayList<>(List.of("conda-forge", "bioconda"));

  @Option(names = "--build-arg", paramLabel = "ARG", description = "Extra argument for the build command (repeatable)")
  List<String> extraArgs = new ArrayList<>();

  @Option(names = "--env", paramLabel = "NAME", description = "Pass this host variable (or PREFIX* glob) into the build too")
  List<String> envWhitelist = new ArrayList<>();

  @Option(names = "--noarch", description = "Render {arch} as noarch (packages are routed by their own subdir anyway)")
  boolean noarch;

  @Option(names = "--dockerfile-template", paramLabel = "FILE", description = "Dockerfile template file")
  Path dockerfileTemplate;

  @Option(names = {"--build-script-template", "--build_script_template"}, paramLabel = "FILE",
      description = "Build-script template file")
  Path buildScriptTemplate;

  @Option(names = "--build-command", paramLabel = "TEMPLATE",
      description = "Build command template (default: conda-build -c file://{staging} {build_args} {recipe}/meta.yaml 2>&1)")
  String buildCommand;

  @Option(names = "--conda-build-config", paramLabel = "FILE", description = "conda_build_config file passed with -e (repeatable)")
  List<Path> exclusiveConfigs = new ArrayList<>();

  @Option(names = "--variant-config", paramLabel = "FILE", description = "variant config file passed with -m (repeatable)")
  List<Path> variantConfigs = new ArrayList<>();

  @Option(names = "--user", paramLabel = "UID:GID", description = "Run the build as this uid:gid (default: yours)")
  String user;

  @Option(names = "--user-mode", paramLabel = "MODE",
      description = "USER (--user uid:gid, default) or HOST_USER_ID (the image's entrypoint switches user, as upstream)")
  UserMode userMode = UserMode.USER;

  @Option(names = "--network", paramLabel = "MODE",
      description = "Network of image build and build (default: none; host lets builds download sources)")
  String network = "none";

  @Option(names = "--pkg-format", paramLabel = "1|2", description = "conda_build.pkg_format to set: 1 = .tar.bz2, 2 = .conda")
  String pkgFormat = "";

  @Option(names = "--timeout", paramLabel = "MINUTES", description = "Time limit of one build (default: 120)")
  long timeoutMinutes = 120;

  @Option(names = "--no-sort", description = "Build in the order given (default: dependency order from the"
      + " recipes' build/host/run requirements, independent recipes in the order given)")
  boolean noSort;

  @Option(names = "--fail-fast", description = "Stop at the first failed recipe (the rest are skipped)")
  boolean failFast;

  @Option(names = "--log-tail", paramLabel = "LINES", description = "Output lines kept for a failure (default: 100)")
  int logTail = 100;

  @Option(names = "--quiet", description = "Do not stream build output; print the tail of failures instead")
  boolean quiet;

  @Option(names = "--stacktrace", description = "Print the stack trace of a failure")
  boolean stacktrace;

  @Override
  public Integer call() {
    BuilderSpec builderSpec;
    List<BuildSpec> builds = new ArrayList<>();
    try {
      builderSpec = builderSpec(System.getenv());
      for (Path r : recipes) {
        builds.add(new BuildSpec(r, extraArgs, noarch));
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    BuildRunResult result;
    try (ContainerRuntime runtime = ContainerRuntime.connect();
        RecipeBuilder builder = RecipeBuilder.open(runtime, builderSpec,
            new StderrListener(spec.commandLine().getErr(), !quiet))) {
      result = builder.buildAll(noSort ? builds : builder.inBuildOrder(builds), failFast);
    }
    for (BuildResult r : result.results()) {
      out.println(line(r));
    }
    int built = result.results().size() - result.failures().size();
    out.printf("built %d of %d recipes into %s%n", built, result.results().size(), builderSpec.pkgDir());
    out.flush();
    if (!result.succeeded()) {
      spec.commandLine().getErr().println("recipe-builder: " + result.failures().size() + " of "
          + result.results().size() + " recipes failed: " + result.failures().stream()
              .map(r -> r.recipe().getFileName().toString()).collect(Collectors.joining(", ")));
      spec.commandLine().getErr().flush();
      return ExitCode.SOFTWARE;
    }
    return ExitCode.OK;
  }

  BuilderSpec builderSpec(Map<String, String> env) {
    String img = image != null ? image : env.getOrDefault("BUILD_ENV_IMAGE", DEFAULT_IMAGE);
    List<String> args = new ArrayList<>(List.of("--override-channels", "--no-anaconda-upload", "-c", "local"));
    channels.forEach(c -> args.addAll(List.of("-c", c)));
    BuilderSpec.Builder b = BuilderSpec.builder(img, stagingDir(env)).buildImage(buildImage).keepImage(keepImage)
        .buildArgs(args).environment(env).userMode(userMode).network(network).pkgFormat(pkgFormat)
        .timeout(Duration.ofMinutes(timeoutMinutes)).logTailLines(logTail);
    if (dockerfileTemplate != null) {
      b.dockerfileTemplate(read(dockerfileTemplate, "--dockerfile-template"));
    }
    if (buildScriptTemplate != null) {
      b.buildScriptTemplate(read(buildScriptTemplate, "--build-script-template"));
    }
    if (buildCommand != null) {
      b.buildCommandTemplate(buildCommand);
    }
    exclusiveConfigs.forEach(p -> b.configFile(p, "-e"));
    variantConfigs.forEach(p -> b.configFile(p, "-m"));
    envWhitelist.forEach(b::allowEnv);
    if (user != null) {
      b.user(user);
    }
    return b.build();
  }

  private Path stagingDir(Map<String, String> env) {
    if (pkgDir != null && useHostCondaBld) {
      throw new IllegalArgumentException("give --pkg-dir or --use-host-conda-bld, not both");
    }
    if (pkgDir != null) {
      return pkgDir;
    }
    if (env.get("CONDA_BLD_PATH") != null) {
      return Path.of(env.get("CONDA_BLD_PATH"));
    }
    if (env.get("CONDA_EXE") != null) {
      Path exe = Path.of(env.get("CONDA_EXE")).toAbsolutePath();
      if (exe.getParent() != null && exe.getParent().getParent() != null) {
        return exe.getParent().getParent().resolve("conda-bld");
      }
    }
    throw new IllegalArgumentException("cannot find the host conda-bld (no CONDA_BLD_PATH or CONDA_EXE): give --pkg-dir");
  }

  private static String read(Path file, String option) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + ": cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String line(BuildResult r) {
    String name = r.recipe().toString();
    return switch (r.status()) {
      case BUILT -> "BUILT " + name + ": " + r.packages().stream().map(p -> p.channelPath())
          .collect(Collectors.joining(", "));
      case SKIPPED -> "SKIPPED " + name + ": " + r.message();
      default -> r.status() + " " + name + r.exitCode().map(c -> " (exit " + c + ")").orElse("") + ": " + r.message();
    };
  }
}
