package org.containerops.recipe.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.containerops.recipe.api.BuilderSpec.ConfigFile;
import org.containerops.recipe.api.BuiltPackage;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.recipe.channel.ChannelIndex;
import org.containerops.recipe.channel.CondaArchive;
import org.containerops.recipe.channel.PackageFacts;
import org.containerops.runtime.paths.ConfinedPath;
import org.containerops.runtime.paths.UnsafePathException;
import org.containerops.runtime.transfer.TempFiles;

/**
 * The staging channel on the host ({@code pkg_dir}, mounted read-write at {@value #CONTAINER_PATH}):
 * made a valid channel at open, holds this run's conda_build_config copies (upstream copied them into
 * the channel root and computed the list twice, B19; here one hidden per-run dir, removed at close),
 * hands out per-build output dirs, and routes each produced package into the subdir named by its own
 * {@code info/index.json} (upstream copied everything into the host's subdir, B10), then indexes the
 * touched subdirs. Files it writes belong to the build user when the process may chown.
 */
public final class Staging implements AutoCloseable {
  /** Where the staging dir is mounted in the build container (upstream {@code container_staging}). */
  public static final String CONTAINER_PATH = "/opt/host-conda-bld";
  /** A conda subdir name: {@code noarch}, {@code linux-64}, {@code osx-arm64}, ... */
  private static final Pattern SUBDIR = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private final Path root;
  private final HostUser owner;
  private final Path configDir;
  private final List<String> configArgs;

  private Staging(Path root, HostUser owner, Path configDir, List<String> configArgs) {
    this.root = root;
    this.owner = owner;
    this.configDir = configDir;
    this.configArgs = configArgs;
  }

  /**
   * Creates the staging dir when missing, makes {@code subdirs} valid (indexed) channel subdirs and
   * copies the config files as {@code conda_build_config_<i>_<flag>_<basename>} (upstream's names,
   * {@code docker_utils.py:301-306}).
   *
   * @throws RecipeBuilderException {@link Reason#STAGING} when the dir cannot be written or indexed
   */
  public static Staging open(Path root, HostUser owner, List<ConfigFile> configs, List<String> subdirs, String runId) {
    Path configDir = null;
    try {
      Files.createDirectories(root);
      List<String> args = new ArrayList<>();
      if (!configs.isEmpty()) {
        configDir = Files.createDirectory(root.resolve(".recipe-builder-config-" + runId));
        Files.setPosixFilePermissions(configDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (int i = 0; i < configs.size(); i++) {
          ConfigFile c = configs.get(i);
          String name = "conda_build_config_" + i + "_" + c.flag() + "_" + c.path().getFileName();
          Path copy = Files.copy(c.path(), configDir.resolve(name));
          Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
          args.add(c.flag());
          args.add(CONTAINER_PATH + "/" + configDir.getFileName() + "/" + name);
        }
      }
      Staging staging = new Staging(root, owner, configDir, List.copyOf(args));
      ChannelIndex.index(root, subdirs, staging::own);
      subdirs.forEach(s -> staging.own(root.resolve(s)));
      return staging;
    } catch (IOException | UncheckedIOException e) {
      DirectoryTree.delete(configDir);
      throw new RecipeBuilderException(Reason.STAGING, "cannot prepare the staging channel " + root + ": "
          + e.getMessage(), e);
    }
  }

  /** The staging dir on the host. */
  public Path root() {
    return root;
  }

  /** The {@code -e}/{@code -m} arguments naming the config copies as the container sees them, in order. */
  public List<String> configArgs() {
    return configArgs;
  }

  /**
   * A fresh, empty dir for one build's packages, inside the staging dir (same file system: packages
   * are moved, not copied) and writable by the build user. Delete it with {@link DirectoryTree#delete}.
   */
  public Path newOutputDir() throws IOException {
    Path dir = Files.createDirectory(root.resolve(".recipe-builder-out-" + UUID.randomUUID()));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (HostUser.current().isRoot()) {
      own(dir);
    } else if (HostUser.current().uid() != owner.uid()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    return dir;
  }

  /**
   * Places every package in {@code outputDir} in {@code <root>/<subdir>/} (subdir from its
   * {@code info/index.json}), replacing a file of the same name, then indexes the touched subdirs. The
   * subdir must be a subdir name and the file name a conda package file name staying in that subdir
   * (container-runtime's {@code ConfinedPath.resolveCondaFile}), checked before anything is written.
   *
   * @return the placed packages, sorted by channel path; empty when the dir holds none
   * @throws RecipeBuilderException {@link Reason#BAD_PACKAGE} for an unreadable package, one whose file
   *     name is not {@code name-version-build} or not a conda file name, or a subdir that is no subdir name; {@link Reason#STAGING} when moving or indexing fails
   */
  public List<BuiltPackage> route(Path outputDir) {
    List<Path> produced;
    try (Stream<Path> s = Files.list(outputDir)) {
      produced = s.filter(p -> Files.isRegularFile(p) && CondaArchive.isPackage(p)).sorted().toList();
    } catch (IOException e) {
      throw new RecipeBuilderException(Reason.STAGING, "cannot list the build output " + outputDir, e);
    }
    List<BuiltPackage> placed = new ArrayList<>();
    TreeSet<String> subdirs = new TreeSet<>();
    for (Path p : produced) {
      Map<String, Object> index;
      try {
        index = CondaArchive.indexJson(p);
      } catch (IOException | RuntimeException e) {
        throw new RecipeBuilderException(Reason.BAD_PACKAGE, "the build wrote an unreadable package "
            + p.getFileName() + ": " + e.getMessage(), e);
      }
      String subdir = field(index, "subdir", p);
      String name = field(index, "name", p);
      String version = field(index, "version", p);
      String build = field(index, "build", p);
      if (!CondaArchive.stem(p).equals(name + "-" + version + "-" + build)) {
        throw new RecipeBuilderException(Reason.BAD_PACKAGE, p.getFileName() + ": file name does not match its"
            + " info/index.json (" + name + "-" + version + "-" + build + ", subdir " + subdir + ")");
      }
      Path dir;
      Path target;
      try {
        // names the build chose (its subdir, its file name) go through the conda file-name gate (issue 17 §1)
        if (!SUBDIR.matcher(subdir).matches()) {
          throw new UnsafePathException(subdir, "subdir '" + subdir + "' from info/index.json is not a conda subdir name");
        }
        dir = ConfinedPath.resolve(root, subdir);
        target = ConfinedPath.resolveCondaFile(dir, p.getFileName().toString());
      } catch (UnsafePathException e) {
        throw new RecipeBuilderException(Reason.BAD_PACKAGE, "the build wrote a package the channel refuses: "
            + e.getMessage(), e);
      }
      try {
        Files.createDirectories(dir);
        own(dir);
        place(p, target);
        own(target);
        PackageFacts facts = PackageFacts.of(target);
        placed.add(new BuiltPackage(target, subdir, name, version, build, facts.sha256(), facts.size()));
        subdirs.add(subdir);
      } catch (IOException | UncheckedIOException e) {
        throw new RecipeBuilderException(Reason.STAGING, "cannot place " + p.getFileName() + " in " + root, e);
      }
    }
    try {
      ChannelIndex.index(root, subdirs, this::own);
    } catch (IOException | UncheckedIOException e) {
      throw new RecipeBuilderException(Reason.STAGING, "cannot index " + root + ": " + e.getMessage(), e);
    }
    placed.sort(Comparator.comparing(BuiltPackage::channelPath));
    return List.copyOf(placed);
  }

  /**
   * Copies the package into a temp file beside its target (created with the process umask's
   * permissions, not the container's or 0600: issue 17 §6) and renames it into place atomically.
   */
  private static void place(Path source, Path target) throws IOException {
    Path tmp = TempFiles.createTemp(target.getParent(), target.getFileName().toString());
    try {
      try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(tmp)) {
        in.transferTo(out);
      }
      TempFiles.commit(tmp, target);
    } finally {
      TempFiles.discard(tmp);
    }
  }

  private void own(Path p) {
    owner.own(p);
  }

  private static String field(Map<String, Object> index, String key, Path p) {
    Object v = index.get(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new RecipeBuilderException(Reason.BAD_PACKAGE, p.getFileName() + ": info/index.json has no " + key);
    }
    return s;
  }

  /** Removes this run's config copies; idempotent. */
  @Override
  public void close() {
    DirectoryTree.delete(configDir);
  }
}
