package org.containerops.tagging.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.tagger.FakeRunner;
import org.junit.jupiter.api.Test;

class SharedCommandsTest {
  @Test
  void eachDistinctCommandRunsOnceEvenWhenAskedConcurrently() {
    FakeRunner recorded = new FakeRunner(Map.of("python --version", "Python 3.11.2", "R --version", "R version 4.4.2"));
    CommandRunner fake = new CommandRunner() {
      @Override
      public synchronized String exec(String commandLine) {
        return recorded.exec(commandLine);
      }

      @Override
      public String image() {
        return recorded.image();
      }
    };
    SharedCommands c = new SharedCommands(fake);
    List<Supplier<String>> asks = List.of(() -> c.exec("python --version"), () -> c.exec("python --version"),
        () -> c.exec("R --version"), () -> c.exec("python --version"), () -> c.exec("R --version"));
    assertEquals(List.of("Python 3.11.2", "Python 3.11.2", "R version 4.4.2", "Python 3.11.2", "R version 4.4.2"),
        OrderedTasks.run(asks, 4));
    assertEquals(2, recorded.ran.size(), recorded.ran.toString());
  }

  @Test
  void aFailureIsEveryCallersFailure() {
    SharedCommands c = new SharedCommands(new FakeRunner(Map.of()));
    TaggingException first = assertThrows(TaggingException.class, () -> c.exec("pip show tensorflow"));
    assertSame(first, assertThrows(TaggingException.class, () -> c.exec("pip show tensorflow")));
    assertEquals("fake/image", c.image());
  }
}
