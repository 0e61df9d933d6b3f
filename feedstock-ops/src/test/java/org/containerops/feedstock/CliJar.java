package org.containerops.feedstock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.containerops.feedstock.sandbox.OperationSandbox;
import org.containerops.runtime.api.Limits;
import org.containerops.runtime.api.Mount;

/** The built CLI jar (present when failsafe runs), mounted read-only into the test image. */
public final class CliJar {
  /** Where the test image's {@code conda-forge-feedstock-ops-container} wrapper expects the jar. */
  public static final String CONTAINER_PATH = "/opt/feedstock-ops/feedstock-ops-cli.jar";

  private CliJar() {}

  /** {@code target/feedstock-ops-*-cli.jar}; fails when it was not built. */
  public static Path path() {
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      List<Path> jars = s.filter(p -> p.getFileName().toString().matches("feedstock-ops-.*-cli\\.jar")).toList();
      if (jars.size() != 1) {
        throw new IllegalStateException("want one target/feedstock-ops-*-cli.jar (run mvn verify), found " + jars);
      }
      return jars.get(0).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sandbox that runs upstream's command name, answered by our jar, with extra env. */
  public static OperationSandbox sandbox(Map<String, String> env) {
    return sandbox(OperationSandbox.UPSTREAM_COMMAND, env);
  }

  /** A sandbox with another container command (for error-path tests). */
  public static OperationSandbox sandbox(List<String> command, Map<String, String> env) {
    return new OperationSandbox(command, List.of(new Mount(path(), CONTAINER_PATH, true)), env,
        Limits.defaults().withMemoryBytes(1024L * 1024 * 1024).withTmpfsBytes(512L * 1024 * 1024));
  }
}
