package org.containerops.feedstock.inside;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.containerops.feedstock.staging.FeedstockCopy;

/**
 * Runs a tool inside the container as upstream's {@code _subprocess_run_tee}
 * ({@code conda_forge_feedstock_ops/rerender.py:201-242}): stdout and stderr are both copied live to
 * our stderr (never to stdout, which carries the reply) and kept; a timeout kills the tool. The
 * tool's environment gets {@code CONDA_BLD_PATH}, {@code XDG_CACHE_HOME} and {@code CONDA_PKGS_DIRS}
 * on the writable tmpfs, as upstream's {@code _run_bot_task} ({@code __main__.py:74-82}).
 */
final class ToolRunner {
  private final Map<String, String> env;
  private final PrintStream tee;

  /** @param env the container's environment (for PATH and overrides); @param tee where output is copied */
  ToolRunner(Map<String, String> env, PrintStream tee) {
    this.env = env;
    this.tee = tee;
  }

  /** Output of a tool run: exit code (-1 when killed), merged output, whether it timed out. */
  record ToolResult(int exitCode, String output, boolean timedOut) {}

  /**
   * The program to run for a tool: the override variable's value, else {@code defaultName}, looked up on PATH.
   *
   * @throws ToolNotFoundException when it is not there
   */
  String resolve(String defaultName, String variable, String needs) {
    String name = Optional.ofNullable(env.get(variable)).filter(s -> !s.isBlank()).orElse(defaultName);
    if (name.contains("/")) {
      if (Files.isExecutable(Path.of(name))) {
        return name;
      }
      throw new ToolNotFoundException(name, needs, variable);
    }
    for (String dir : env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name)) && !Files.isDirectory(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    throw new ToolNotFoundException(name, needs, variable);
  }

  /**
   * @param argv program and arguments
   * @param dir working directory
   * @param timeout null for none
   */
  ToolResult run(List<String> argv, Path dir, Duration timeout) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("feedstock-ops-tool-");
      Files.createDirectories(scratch.resolve("conda-bld"));
      Files.createDirectories(scratch.resolve("cache"));
      Files.createDirectories(scratch.resolve("pkgs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create tool scratch dirs under " + System.getProperty("java.io.tmpdir"), e);
    }
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    pb.environment().put("CONDA_BLD_PATH", scratch.resolve("conda-bld").toString());
    pb.environment().put("XDG_CACHE_HOME", scratch.resolve("cache").toString());
    pb.environment().put("CONDA_PKGS_DIRS", scratch.resolve("pkgs").toString());
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    StringBuffer output = new StringBuffer();
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      List<Thread> readers = new ArrayList<>();
      readers.add(pump(p.getInputStream(), output));
      readers.add(pump(p.getErrorStream(), output));
      boolean done = timeout == null ? p.waitFor() >= Integer.MIN_VALUE : p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        p.destroyForcibly().waitFor();
      }
      for (Thread t : readers) {
        t.join(5000);
      }
      return new ToolResult(done ? p.exitValue() : -1, output.toString(), !done);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + argv.get(0), e);
    } finally {
      FeedstockCopy.deleteTree(scratch);
    }
  }

  private Thread pump(InputStream in, StringBuffer output) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          output.append(line + "\n");
          synchronized (tee) {
            tee.println(line);
          }
        }
      } catch (IOException ignored) {
        // the tool exited
      }
    }, "tool-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
