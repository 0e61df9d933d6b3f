package org.containerops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.testing.EngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other class (the highest {@link Order}; see junit-platform.properties) and checks
 * what the whole suite, tools included, left behind. Other engineers' tests share the engine, so
 * "ours" is decided by what only this run has: its run id (in every namespace, image name and temp
 * root) and its temp root (every dir the tools mount into containers lies under it).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith({EngineExtension.class, ItSessionExtension.class})
class NothingLeftBehindIT {

  @Test
  void noContainerOfThisRunRemains(ItSession session, ContainerRuntime runtime) {
    runtime.awaitRemovals();
    List<String> ours = new ArrayList<>();
    for (Container c : runtime.client().listContainersCmd().withShowAll(true).exec()) {
      boolean managed = c.getLabels() != null && "true".equals(c.getLabels().get("org.containerops.managed"));
      if (c.getImage() != null && c.getImage().contains(session.runId()) || managed && mountsUnder(runtime, c, session.root())) {
        ours.add(c.getId().substring(0, 12) + " " + c.getImage() + " " + c.getState() + " " + c.getLabels());
      }
    }
    assertEquals(List.of(), ours, "containers left by this run");
  }

  @Test
  void noImageOfThisRunRemainsAndEveryOtherManagedImageIsNotOurs(ItSession session, ContainerRuntime runtime) {
    List<String> ours = new ArrayList<>();
    for (Image i : runtime.client().listImagesCmd().withShowAll(false)
        .withLabelFilter(Map.of("org.containerops.managed", "true")).exec()) {
      boolean base = i.getLabels() != null && "true".equals(i.getLabels().get("org.containerops.base"));
      List<String> refs = EngineImages.references(i);
      if (!base && refs.stream().anyMatch(r -> r.contains(session.runId()))) {
        ours.add(i.getId() + " " + refs);
      }
    }
    new EngineImages(runtime).withReference(session.runId()).forEach(i -> ours.add(i.getId() + " " + EngineImages.references(i)));
    assertEquals(List.of(), ours.stream().distinct().toList(), "images left by this run");
  }

  @Test
  void noTempDirAndNoProcessOfThisRunRemains(ItSession session) throws IOException {
    try (Stream<Path> left = Files.list(session.root())) {
      assertEquals(List.of(), left.map(Path::toString).toList(), "left in the run's temp root " + session.root());
    }
    List<String> children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    assertEquals(List.of(), children, "processes (registries, CLI JVMs) still running");
    long runs = session.runs().size();
    Duration total = session.runs().stream().map(CliResult::took).reduce(Duration.ZERO, Duration::plus);
    System.out.printf("integration-tests: %d CLI runs, %d s in the tools%n", runs, total.toSeconds());
  }

  private static boolean mountsUnder(ContainerRuntime runtime, Container c, Path root) {
    try {
      InspectContainerResponse info = runtime.client().inspectContainerCmd(c.getId()).exec();
      return info.getMounts() != null && info.getMounts().stream()
          .anyMatch(m -> m.getSource() != null && m.getSource().startsWith(root.toString()));
    } catch (NotFoundException gone) {
      return false;
    }
  }
}
