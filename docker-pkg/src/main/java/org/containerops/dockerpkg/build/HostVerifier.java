package org.containerops.dockerpkg.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.containerops.runtime.secret.SecretMask;

/**
 * Runs a verification command on the host, as upstream image.py:252-261 does with
 * {@code subprocess.run(to_run, check=True, env=run_env)}: {@code argv} is executed directly (no
 * shell of ours; {@code argv[0]} may be one, as the default {@code /bin/bash -c …}), with exactly
 * {@code env} as its environment, the docker-pkg process's working directory and stdin closed.
 * Standard output and error are merged, split into lines, masked and streamed to a consumer while
 * the last {@value #TAIL_LINES} lines are kept for the failure report.
 *
 * <p>When {@code timeout} passes, the process and every descendant it has at that moment are
 * killed. Immutable and thread-safe; each {@link #run} uses one extra thread to read the output.
 */
final class HostVerifier {
  /** Lines of output kept for the report. */
  static final int TAIL_LINES = 50;
  /** Longest line passed on; longer output without a newline is cut into pieces of this length. */
  static final int MAX_LINE = 8192;
  /** How long to wait for the output to end after the process ended or was killed. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  /**
   * How the command ended.
   *
   * @param exitCode the process's exit status; -1 when it timed out or could not start
   * @param timedOut true when the timeout killed it
   * @param tail the last (up to {@value #TAIL_LINES}) masked output lines, oldest first; when the
   *     command could not start, the one-line reason
   */
  record Outcome(int exitCode, boolean timedOut, List<String> tail) {
    Outcome {
      tail = List.copyOf(tail);
    }
  }

  private final Duration timeout;

  /** @param timeout how long the command may run before its process tree is killed */
  HostVerifier(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Runs {@code argv} with the environment {@code env} (nothing else is inherited).
   *
   * @param mask applied to every output line before it reaches {@code out} or the tail
   * @param out receives each output line (without its line break) as it arrives, on another thread
   * @return how the command ended; never throws for the command's own failures
   */
  Outcome run(List<String> argv, Map<String, String> env, SecretMask mask, Consumer<String> out) {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      return new Outcome(-1, false, List.of(mask.mask("cannot run " + argv.get(0) + ": " + e.getMessage())));
    }
    Deque<String> tail = new ArrayDeque<>();
    Thread reader = new Thread(() -> pump(process.getInputStream(), line -> {
      String masked = mask.mask(line);
      synchronized (tail) {
        if (tail.size() == TAIL_LINES) {
          tail.removeFirst();
        }
        tail.addLast(masked);
      }
      out.accept(masked);
    }), "docker-pkg-verify-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // the child closed its stdin already
    }
    boolean timedOut = false;
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        killTree(process);
      }
      reader.join(DRAIN.toMillis()); // a background child may still hold the output open
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      timedOut = true;
    }
    int exit = timedOut ? -1 : process.exitValue();
    synchronized (tail) {
      return new Outcome(exit, timedOut, List.copyOf(tail));
    }
  }

  /** Kills the process's descendants (taken before the parent dies, as they are reparented then) and itself. */
  private static void killTree(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Splits the stream into lines ({@code \n}, a trailing {@code \r} dropped), at most {@value #MAX_LINE} chars each. */
  private static void pump(InputStream in, Consumer<String> line) {
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[4096];
      for (int n; (n = r.read(buf)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          char c = buf[i];
          if (c == '\n') {
            emit(b, line);
          } else {
            b.append(c);
            if (b.length() >= MAX_LINE) {
              emit(b, line);
            }
          }
        }
      }
      if (b.length() > 0) {
        emit(b, line);
      }
    } catch (IOException e) {
      // the process was killed and its output closed: what was read has been passed on
    }
  }

  private static void emit(StringBuilder b, Consumer<String> line) {
    int end = b.length() > 0 && b.charAt(b.length() - 1) == '\r' ? b.length() - 1 : b.length();
    line.accept(b.substring(0, end));
    b.setLength(0);
  }
}
