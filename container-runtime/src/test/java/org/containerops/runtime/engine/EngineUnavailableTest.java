package org.containerops.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.cli.ContainerRuntimeCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * No engine at DOCKER_HOST: a clear error that says how to start one. docker-java reads DOCKER_HOST
 * from system properties before the environment, so the test points it at a socket that does not exist.
 */
class EngineUnavailableTest {
  @TempDir Path dir;
  private String previous;

  @BeforeEach
  void pointAtNothing() {
    previous = System.getProperty("DOCKER_HOST");
    System.setProperty("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
  }

  @AfterEach
  void restore() {
    if (previous == null) {
      System.clearProperty("DOCKER_HOST");
    } else {
      System.setProperty("DOCKER_HOST", previous);
    }
  }

  @Test
  void connectFailsWithHowToStartOne() {
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class, ContainerRuntime::connect);
    assertEquals(Reason.ENGINE_UNAVAILABLE, e.reason());
    assertTrue(e.getMessage().contains(dir.resolve("no-engine.sock").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("scripts/setup") && e.getMessage().contains("DOCKER_HOST"), e.getMessage());
  }

  @Test
  void theCliExitsOneWithThatMessage() {
    CommandLine cli = ContainerRuntimeCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(1, cli.execute("run", "--image", "x", "--", "true"));
    assertTrue(err.toString().startsWith("container-runtime: no Docker engine answers"), err.toString());
  }
}
