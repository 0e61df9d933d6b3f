package org.containerops.recipe;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.containerops.recipe.api.BuildResult;
import org.containerops.recipe.api.BuildSpec;
import org.containerops.recipe.api.BuilderSpec;
import org.containerops.recipe.api.RecipeBuilderListener;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.Mount;
import org.containerops.runtime.api.SandboxSpec;

/** Shared test set-up: the test-double image, the test recipes, and checks made independently of our code. */
public final class TestRecipes {
  /** Built by scripts/setup from src/test/images/recipe-builder-double (conda-build TEST DOUBLE inside). */
  public static final String IMAGE = "containerops/test-recipe-builder-double:latest";
  /**
   * Built by scripts/setup from src/test/images/recipe-builder-env: the conda-forge/bioconda base-image
   * contract (conda only through the entrypoint's activation, root-only condarc with strict channel
   * priority, group-writable /opt/conda) around the same doubles.
   */
  public static final String ENV_IMAGE = "containerops/test-recipe-builder-env:latest";
  /** The build command for the double; everything else in the default build script runs unchanged. */
  public static final String DOUBLE_COMMAND = "conda-build-double -c file://{staging} {build_args} {recipe} 2>&1";
  /** A caller that is not the JVM's user, so ownership is observable. */
  public static final String USER = "4242:4243";

  private TestRecipes() {}

  /** A test recipe dir (under target/test-classes/recipes). */
  public static Path recipe(String name) {
    try {
      return Path.of(TestRecipes.class.getResource("/recipes/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A recipe build spec. */
  public static BuildSpec build(String name) {
    return BuildSpec.of(recipe(name));
  }

  /** Builder defaults for the tests: the double image, its command, no host env, user {@link #USER}. */
  public static BuilderSpec.Builder spec(Path pkgDir) {
    return BuilderSpec.builder(IMAGE, pkgDir).buildCommandTemplate(DOUBLE_COMMAND).environment(Map.of()).user(USER)
        .network("none");
  }

  /** Names of recipe-builder temp dirs in java.io.tmpdir now. */
  public static TreeSet<String> tempDirs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("recipe-builder-"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  /** sha256 of every file under {@code dir}, by relative path, sorted. */
  public static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  /** Hex sha256. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * info/index.json of a package as Debian's {@code cph} (conda-package-handling) reads it, in a
   * sandbox of the test image with the channel mounted read-only.
   */
  public static Object indexJsonByCph(ContainerRuntime runtime, Path channel, String channelPath) {
    return runtime.run(SandboxSpec.builder(IMAGE).user("4242:4243").mount(new Mount(channel, "/channel", true))
        .command("sh", "-c", "cph extract \"$1\" --dest /tmp/x --info >/dev/null"
            + " && printf '{\"data\": %s}' \"$(cat /tmp/x/info/index.json)\"", "sh", "/channel/" + channelPath)
        .build()).dataValue();
  }

  /**
   * One file of a package's payload as Debian's {@code cph} extracts it, in a sandbox of the test image
   * with the channel mounted read-only.
   */
  public static String payloadFileByCph(ContainerRuntime runtime, Path channel, String channelPath, String member) {
    Object b64 = runtime.run(SandboxSpec.builder(IMAGE).user("4242:4243").mount(new Mount(channel, "/channel", true))
        .command("sh", "-c", "cph extract \"$1\" --dest /tmp/x >/dev/null"
            + " && printf '{\"data\": \"%s\"}' \"$(base64 -w0 < /tmp/x/$2)\"", "sh", "/channel/" + channelPath, member)
        .build()).dataValue();
    return new String(java.util.Base64.getDecoder().decode(b64.toString()), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Records what a builder reports. */
  public static final class Recorder implements RecipeBuilderListener {
    public final CopyOnWriteArrayList<String> lines = new CopyOnWriteArrayList<>();
    public final CopyOnWriteArrayList<String> events = new CopyOnWriteArrayList<>();
    public final CopyOnWriteArrayList<BuildResult> results = new CopyOnWriteArrayList<>();

    @Override
    public void imageBuilding(String tag) {
      events.add("building " + tag);
    }

    @Override
    public void imageReady(String tag, boolean reused, java.time.Duration took) {
      events.add((reused ? "reused " : "built ") + tag);
    }

    @Override
    public void recipeStarted(BuildSpec spec, String command) {
      events.add("start " + spec.recipeDir().getFileName() + ": " + command);
    }

    @Override
    public void logLine(BuildSpec spec, String line) {
      lines.add(line);
    }

    @Override
    public void recipeFinished(BuildResult result) {
      results.add(result);
    }

    @Override
    public void warning(String message) {
      events.add("warning " + message);
    }
  }
}
