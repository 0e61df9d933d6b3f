package org.containerops.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One run of a tool's CLI jar as its own process: {@code java -Djava.io.tmpdir=T -jar <jar> args...}
 * with a fresh, empty temp dir T (also {@code TMPDIR}), stdin closed, stdout and stderr captured to
 * files (no pipe can fill up), and a timeout after which the process and its children are killed
 * and the call fails.
 *
 * <p>After the process ends, T must be empty again: a tool that leaves a temp file or directory
 * behind fails the call, naming what is left. T is then removed.
 */
final class CliCall {
  private final CliTool tool;
  private final List<String> args;
  private final Map<String, String> env = new TreeMap<>();
  private Path workDir;
  private Duration timeout = Duration.ofMinutes(5);

  private CliCall(CliTool tool, List<String> args) {
    this.tool = tool;
    this.args = List.copyOf(args);
  }

  /** A call of {@code tool} with these arguments (each one word, no shell). */
  static CliCall of(CliTool tool, String... args) {
    return new CliCall(tool, List.of(args));
  }

  /** A call of {@code tool} with these arguments (each one word, no shell). */
  static CliCall of(CliTool tool, List<String> args) {
    return new CliCall(tool, args);
  }

  /** The process's working directory (default: the session's root). */
  CliCall in(Path dir) {
    this.workDir = dir;
    return this;
  }

  /** Adds an environment variable to the inherited environment. */
  CliCall env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Wall-time limit (default 5 minutes). */
  CliCall timeout(Duration limit) {
    this.timeout = limit;
    return this;
  }

  /**
   * Runs the process to its end.
   *
   * @return the exit code and output, whatever the exit code
   * @throws AssertionError on timeout (after killing it) or when it left files in its temp dir
   */
  CliResult run(ItSession session) {
    return run(session, process -> { });
  }

  /**
   * Runs the process to its end, calling {@code whileRunning} (in this thread) once it has started:
   * for fault tests that act on the world while the tool works.
   *
   * @return the exit code and output, whatever the exit code
   * @throws AssertionError on timeout (after killing it) or when it left files in its temp dir
   */
  CliResult run(ItSession session, Consumer<ProcessHandle> whileRunning) {
    Path tmp = session.newDir(tool.module() + "-tmp");
    Path out = session.logFile(tool.module() + ".out");
    Path err = session.logFile(tool.module() + ".err");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-jar", tool.jar().toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory((workDir == null ? session.root() : workDir).toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("TMPDIR", tmp.toString());
    pb.environment().putAll(env);
    long start = System.nanoTime();
    try {
      Process p = pb.start();
      try {
        whileRunning.accept(p.toHandle());
      } catch (RuntimeException | Error e) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw e;
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError(tool.module() + " " + String.join(" ", args) + " did not finish within "
            + timeout.toSeconds() + " s; stderr:\n" + Files.readString(err));
      }
      CliResult result = new CliResult(tool, args, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
      session.record(result);
      assertEmpty(tmp, result);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + tool.module(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + tool.module(), e);
    } finally {
      ItSession.deleteTree(tmp);
    }
  }

  private static void assertEmpty(Path tmp, CliResult result) throws IOException {
    List<String> left;
    try (Stream<Path> s = Files.walk(tmp)) {
      left = s.filter(p -> !p.equals(tmp)).map(p -> tmp.relativize(p).toString()).sorted().limit(20).toList();
    }
    if (!left.isEmpty()) {
      throw new AssertionError(result.tool().module() + " left " + left + " in its temp dir after "
          + result.describe());
    }
  }
}
