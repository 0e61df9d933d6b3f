package org.containerops.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;
import org.containerops.runtime.api.Mount;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The container-side helper running in a real JVM in a real container, read by the host side. */
@ExtendWith(EngineExtension.class)
class ContainerSideIT {
  @TempDir static Path classpath;
  private static List<String> javaCommand;

  /** Copies this module's classes and Jackson's jars into one dir mounted read-only at /app. */
  @BeforeAll
  static void stageClasspath() throws IOException, URISyntaxException {
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (Class<?> c : List.of(ContainerSide.class, ContainerSideProbeMain.class, ObjectMapper.class,
        JsonGenerator.class, JsonAutoDetect.class)) {
      Path source = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path target = classpath.resolve("cp" + i++ + (Files.isDirectory(source) ? "" : ".jar"));
      copy(source, target);
      entries.add("/app/" + target.getFileName());
    }
    try (Stream<Path> all = Files.walk(classpath)) {
      all.forEach(p -> p.toFile().setReadable(true, false));
    }
    try (Stream<Path> all = Files.walk(classpath)) {
      all.filter(Files::isDirectory).forEach(p -> p.toFile().setExecutable(true, false));
    }
    javaCommand = List.of("java", "-Xshare:off", "-cp", String.join(":", entries),
        ContainerSideProbeMain.class.getName());
  }

  private static void copy(Path source, Path target) throws IOException {
    if (!Files.isDirectory(source)) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static SandboxSpec probe(String op) {
    List<String> argv = new ArrayList<>(javaCommand);
    argv.add(op);
    return SandboxSpec.builder(TestImages.JRE).command(argv).mount(new Mount(classpath, "/app", true))
        .limits(org.containerops.runtime.api.Limits.defaults().withMemoryBytes(512L * 1024 * 1024)).build();
  }

  @Test
  void successDataCrossesTheProtocolWithSetsAndEchoedArguments(ContainerRuntime rt) {
    var r = rt.run(probe("ok"));
    assertEquals(Map.of("feedstock_name", "llvmdev", "subdirs", Set.of("linux-64", "osx-64")), r.dataValue());
    assertEquals("ok", r.reply().get("op").asText());
    assertTrue(!r.reply().has("error"), "success omits the error key, as upstream does");
  }

  @Test
  void strayPrintsGoToStderrNotIntoTheReply(ContainerRuntime rt) {
    var r = rt.run(probe("chatty"));
    assertEquals(Map.of("clean", true), r.dataValue());
    assertTrue(r.stderrTail().contains("Solving environment: done"), r.stderrTail());
  }

  @Test
  void anExceptionBecomesARemoteErrorWithTraceback(ContainerRuntime rt) {
    ContainerRuntimeError e = assertThrows(ContainerRuntimeError.class, () -> rt.run(probe("fail")));
    assertEquals(Reason.REMOTE_ERROR, e.reason());
    assertEquals(0, e.exitCode().orElseThrow());
    assertEquals("IllegalArgumentException", e.remoteError().orElseThrow().name());
    assertEquals("recipe/meta.yaml: 'package' is missing", e.remoteError().orElseThrow().message());
    assertTrue(e.remoteError().orElseThrow().traceback().contains("ContainerSideProbeMain"));
  }
}
