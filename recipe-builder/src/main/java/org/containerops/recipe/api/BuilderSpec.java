package org.containerops.recipe.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a {@link org.containerops.recipe.RecipeBuilder} builds: upstream's {@code RecipeBuilder.__init__}
 * parameters ({@code bioconda_utils/docker_utils.py:156-170}) plus the fixes of the reference's bug list.
 * Immutable; build with {@link #builder(String, Path)}.
 *
 * @param image the base image ({@code docker_base_image}); run directly unless {@code buildImage}
 * @param pkgDir the staging channel on the host (upstream {@code pkg_dir}); created when missing
 * @param buildImage build a derived image from {@code dockerfileTemplate} (upstream {@code --build-image})
 * @param keepImage keep the derived image after {@link org.containerops.recipe.RecipeBuilder#close()}
 *     (upstream {@code --keep-image})
 * @param dockerfileTemplate Dockerfile template; placeholders {@code {docker_base_image}}, {@code {proxies}}
 * @param buildScriptTemplate build-script template; placeholders in {@link org.containerops.recipe.template.Template}
 * @param buildCommandTemplate the build command, rendered first and inserted as {@code {build_command}}
 * @param buildArgs build arguments before the config-file ones (upstream build.py:121-131)
 * @param configFiles conda_build_config files, copied into the staging dir and passed in this order
 * @param environment the host environment to take proxies and whitelisted variables from
 * @param envWhitelist extra variable names (or {@code PREFIX*} globs) passed into the container
 * @param user {@code uid:gid} the build runs as; default the host process's
 * @param userMode how the uid reaches the build ({@link UserMode})
 * @param network network mode of the image build and the build container; default {@code none} (issue 17
 *     §6: a build script reached every loopback service of the host); {@code host} lets builds download
 *     sources (upstream: always {@code --net host}, {@code docker_utils.py:480-486})
 * @param pkgFormat {@code conda_build.pkg_format} to set ({@code 1} = .tar.bz2, {@code 2} = .conda), or empty
 * @param timeout wall-time limit of one build container
 * @param logTailLines how many last output lines a failure keeps; positive
 */
public record BuilderSpec(String image, Path pkgDir, boolean buildImage, boolean keepImage, String dockerfileTemplate,
    String buildScriptTemplate, String buildCommandTemplate, List<String> buildArgs, List<ConfigFile> configFiles,
    Map<String, String> environment, List<String> envWhitelist, Optional<String> user, UserMode userMode,
    String network, String pkgFormat, Duration timeout, int logTailLines) {

  /** Upstream's default build arguments (build.py:121-131 with bioconda's channels). */
  public static final List<String> DEFAULT_BUILD_ARGS =
      List.of("--override-channels", "--no-anaconda-upload", "-c", "local", "-c", "conda-forge", "-c", "bioconda");
  /** Default wall-time limit of one build. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

  private static final Pattern UID_GID = Pattern.compile("\\d+:\\d+");

  /** How the build gets the caller's uid (B9: upstream depended on the image's entrypoint). */
  public enum UserMode {
    /** {@code --user uid:gid --group-add 32766} (lucky), no entrypoint, no capabilities. Default. */
    USER,
    /** upstream: the image's root entrypoint reads {@code HOST_USER_ID} and switches user (linux-anvil). */
    HOST_USER_ID
  }

  /**
   * A conda_build_config file and the flag it is passed with.
   *
   * @param path an existing file
   * @param flag {@code -e} (exclusive config file) or {@code -m} (variant config file)
   */
  public record ConfigFile(Path path, String flag) {
    /** @throws IllegalArgumentException for a missing file or another flag */
    public ConfigFile {
      path = path.toAbsolutePath().normalize();
      check(Files.isRegularFile(path), "config file: not found: " + path);
      check("-e".equals(flag) || "-m".equals(flag), "config file: flag must be -e or -m, got " + flag);
    }
  }

  /** Validates and copies every field. */
  public BuilderSpec {
    check(image != null && !image.isBlank(), "image: give the build image (--docker-base-image or BUILD_ENV_IMAGE)");
    pkgDir = Objects.requireNonNull(pkgDir, "pkgDir").toAbsolutePath().normalize();
    check(!Files.exists(pkgDir) || Files.isDirectory(pkgDir), "pkg dir: not a directory: " + pkgDir);
    Objects.requireNonNull(dockerfileTemplate, "dockerfileTemplate");
    Objects.requireNonNull(buildScriptTemplate, "buildScriptTemplate");
    Objects.requireNonNull(buildCommandTemplate, "buildCommandTemplate");
    buildArgs = List.copyOf(buildArgs);
    configFiles = List.copyOf(configFiles);
    environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    envWhitelist = List.copyOf(envWhitelist);
    user.ifPresent(u -> check(UID_GID.matcher(u).matches(), "user: want uid:gid, got " + u));
    Objects.requireNonNull(userMode, "userMode");
    check(network != null && !network.isBlank(), "network: give host, none, bridge or a network name");
    check(pkgFormat != null && (pkgFormat.isEmpty() || pkgFormat.equals("1") || pkgFormat.equals("2")),
        "pkg format: want 1 (.tar.bz2) or 2 (.conda), got " + pkgFormat);
    check(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout: must be positive");
    check(logTailLines > 0, "log tail lines: must be > 0");
  }

  /** A builder with upstream's defaults, the host environment and the host's uid:gid. */
  public static Builder builder(String image, Path pkgDir) {
    return new Builder(image, pkgDir);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds a {@link BuilderSpec}. */
  public static final class Builder {
    private final String image;
    private final Path pkgDir;
    private boolean buildImage;
    private boolean keepImage;
    private String dockerfileTemplate = DefaultTemplates.DOCKERFILE;
    private String buildScriptTemplate = DefaultTemplates.BUILD_SCRIPT;
    private String buildCommandTemplate = DefaultTemplates.BUILD_COMMAND;
    private List<String> buildArgs = DEFAULT_BUILD_ARGS;
    private final List<ConfigFile> configFiles = new ArrayList<>();
    private Map<String, String> environment = System.getenv();
    private final List<String> envWhitelist = new ArrayList<>();
    private String user;
    private UserMode userMode = UserMode.USER;
    private String network = "none";
    private String pkgFormat = "";
    private Duration timeout = DEFAULT_TIMEOUT;
    private int logTailLines = 100;

    private Builder(String image, Path pkgDir) {
      this.image = image;
      this.pkgDir = pkgDir;
    }

    /** Build a derived image from the Dockerfile template. */
    public Builder buildImage(boolean v) {
      buildImage = v;
      return this;
    }

    /** Keep the derived image at close. */
    public Builder keepImage(boolean v) {
      keepImage = v;
      return this;
    }

    /** Replaces the Dockerfile template. */
    public Builder dockerfileTemplate(String t) {
      dockerfileTemplate = t;
      return this;
    }

    /** Replaces the build-script template. */
    public Builder buildScriptTemplate(String t) {
      buildScriptTemplate = t;
      return this;
    }

    /** Replaces the build-command template (default: upstream's conda-build line). */
    public Builder buildCommandTemplate(String t) {
      buildCommandTemplate = t;
      return this;
    }

    /** Replaces the build arguments. */
    public Builder buildArgs(List<String> args) {
      buildArgs = List.copyOf(args);
      return this;
    }

    /** Adds a conda_build_config file passed with {@code flag} ({@code -e} or {@code -m}). */
    public Builder configFile(Path path, String flag) {
      configFiles.add(new ConfigFile(path, flag));
      return this;
    }

    /** The host environment proxies and whitelisted variables come from (default {@code System.getenv()}). */
    public Builder environment(Map<String, String> env) {
      environment = Map.copyOf(env);
      return this;
    }

    /** Passes a further variable name (or {@code PREFIX*} glob) into the container. */
    public Builder allowEnv(String nameOrGlob) {
      envWhitelist.add(nameOrGlob);
      return this;
    }

    /** Runs the build as {@code uid:gid}. */
    public Builder user(String uidGid) {
      user = uidGid;
      return this;
    }

    /** How the uid reaches the build. */
    public Builder userMode(UserMode mode) {
      userMode = mode;
      return this;
    }

    /** Network mode of image build and build container (default {@code none}; {@code host} to download sources). */
    public Builder network(String mode) {
      network = mode;
      return this;
    }

    /** {@code 1} (.tar.bz2), {@code 2} (.conda) or empty (the image's default). */
    public Builder pkgFormat(String format) {
      pkgFormat = format;
      return this;
    }

    /** Wall-time limit of one build container. */
    public Builder timeout(Duration d) {
      timeout = d;
      return this;
    }

    /** How many last output lines a failure keeps. */
    public Builder logTailLines(int n) {
      logTailLines = n;
      return this;
    }

    /** @throws IllegalArgumentException naming the invalid field */
    public BuilderSpec build() {
      return new BuilderSpec(image, pkgDir, buildImage, keepImage, dockerfileTemplate, buildScriptTemplate,
          buildCommandTemplate, buildArgs, configFiles, environment, envWhitelist, Optional.ofNullable(user),
          userMode, network, pkgFormat, timeout, logTailLines);
    }
  }
}
