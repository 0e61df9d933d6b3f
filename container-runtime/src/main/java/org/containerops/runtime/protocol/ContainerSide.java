package org.containerops.runtime.protocol;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container side of the protocol, for Java code that runs inside a sandbox.
 *
 * <p>Follows upstream's {@code _run_bot_task} ({@code conda_forge_feedstock_ops/__main__.py:73-113}):
 * while the operation runs, {@link System#out} is moved to {@link System#err}, so stray prints cannot
 * corrupt the reply; afterwards exactly one JSON blob is printed on the real stdout, encoded by
 * {@link ProtocolJson#dumps}. The blob starts as a copy of the operation's arguments (upstream echoes
 * them), then gets {@code data}; when the operation throws, {@code data} is null, {@code error} is
 * {@code Type('message')} (Python {@code repr} form, so upstream's host parses it) and
 * {@code traceback} is the Java stack trace. On success the {@code error} key is omitted, as upstream
 * does (its host treats a present key as failure).
 *
 * <p>Exit code: 0 whenever a blob was printed, including a reported error (upstream exits 0 too);
 * 1 only when not even an error blob could be written. Like upstream, only {@code System.out} is
 * redirected: a child process that inherits file descriptor 1 can still write to the real stdout.
 */
public final class ContainerSide {
  private ContainerSide() {}

  /** The work to do; its result becomes {@code data}. */
  @FunctionalInterface
  public interface Operation {
    /**
     * @return the {@code data} value: maps, lists, sets, strings, numbers, booleans, null or records
     * @throws Exception any failure, reported in {@code error} and {@code traceback}
     */
    Object run() throws Exception;
  }

  /**
   * Runs the operation and prints the reply on the current {@code System.out}.
   *
   * @param arguments the operation's arguments, echoed as extra top-level keys (may be empty)
   * @param operation the work
   * @return the process exit code to use: 0, or 1 when no reply could be printed
   */
  public static int respond(Map<String, ?> arguments, Operation operation) {
    PrintStream stdout = System.out;
    Map<String, Object> reply = new TreeMap<>(arguments);
    reply.remove("error");
    reply.remove("traceback");
    System.setOut(System.err);
    try {
      reply.put("data", operation.run());
    } catch (Throwable failure) {
      reportFailure(reply, failure);
    } finally {
      System.out.flush();
      System.setOut(stdout);
    }
    String json;
    try {
      json = ProtocolJson.dumps(reply);
    } catch (RuntimeException unencodable) {
      reportFailure(reply, unencodable);
      try {
        json = ProtocolJson.dumps(reply);
      } catch (RuntimeException e) {
        e.printStackTrace(System.err);
        return 1;
      }
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    stdout.write(bytes, 0, bytes.length);
    stdout.flush();
    return stdout.checkError() ? 1 : 0;
  }

  /** {@link #respond} then {@link System#exit} with its code. */
  public static void respondAndExit(Map<String, ?> arguments, Operation operation) {
    System.exit(respond(arguments, operation));
  }

  private static void reportFailure(Map<String, Object> reply, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    reply.put("data", null);
    reply.put("error", RemoteError.repr(failure.getClass().getSimpleName(), String.valueOf(failure.getMessage())));
    reply.put("traceback", trace.toString());
  }
}
