package org.containerops.recipe;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.recipe.api.BuildSpec;
import org.containerops.recipe.api.RecipeBuilderListener;
import org.containerops.runtime.secret.SecretMask;

/**
 * The output of one recipe's build container: each line masked and passed to the listener, the last
 * {@code tailLines} kept for the result, conda-build's own error line picked out, and the build
 * command's own time picked up when the default script reports it ({@code recipe-builder: build
 * command took N ms}). Thread-safe: lines arrive on docker-java's stream thread while the caller reads.
 *
 * <p>conda-build reports a failure as a Python traceback ({@code Traceback (most recent call last):}
 * ... then the exception line at column 0, e.g. {@code conda_build.exceptions.BuildScriptException:
 * Command '[...]' returned non-zero exit status 3.}, or {@code ...UnableToParse: Unable to parse
 * meta.yaml file} followed by {@code --> } detail lines naming line and column). The tail keeps the
 * last lines before the first traceback (the build script's own output) as well as the last lines
 * after it, so a long traceback cannot push the script's output out.
 */
final class BuildLog {
  private static final Pattern COMMAND_TIME = Pattern.compile("recipe-builder: build command took (\\d+) ms");
  private static final String TRACEBACK = "Traceback (most recent call last):";
  private static final Pattern EXCEPTION = Pattern.compile("^(?:[A-Za-z_]\\w*\\.)*([A-Za-z_]\\w*): (.+)$");
  private static final int MAX_ERROR_CHARS = 500;

  private final BuildSpec recipe;
  private final SecretMask mask;
  private final RecipeBuilderListener listener;
  private final int tailLines;
  private final Deque<String> tail = new ArrayDeque<>();
  private final AtomicLong commandMs = new AtomicLong(-1);
  private List<String> beforeTraceback;
  private int sinceTraceback;
  private String exception;
  private final List<String> details = new ArrayList<>();
  private boolean inDetails;

  /** @param tailLines how many last lines to keep (before and after a traceback each); positive */
  BuildLog(BuildSpec recipe, SecretMask mask, RecipeBuilderListener listener, int tailLines) {
    this.recipe = recipe;
    this.mask = mask;
    this.listener = listener;
    this.tailLines = tailLines;
  }

  /** One raw output line, without its line end: masked, kept in the tail, passed to the listener. */
  void line(String raw) {
    String line = mask.mask(raw);
    synchronized (tail) {
      if (line.equals(TRACEBACK) && beforeTraceback == null) {
        beforeTraceback = List.copyOf(tail);
        sinceTraceback = 0;
      }
      if (beforeTraceback != null) {
        sinceTraceback++;
        errorLine(line);
      }
      tail.addLast(line);
      while (tail.size() > tailLines) {
        tail.removeFirst();
      }
    }
    Matcher m = COMMAND_TIME.matcher(line);
    if (m.find()) {
      commandMs.set(Long.parseLong(m.group(1)));
    }
    listener.logLine(recipe, line);
  }

  private void errorLine(String line) {
    Matcher m = EXCEPTION.matcher(line);
    if (m.matches()) {
      exception = m.group(1) + ": " + m.group(2).strip();
      details.clear();
      inDetails = true;
    } else if (inDetails && line.startsWith("-->")) {
      String d = line.substring(3).strip();
      if (!d.isEmpty() && details.size() < 2 && !d.equals("^")) {
        details.add(d);
      }
    } else if (inDetails && !line.isBlank() && !line.startsWith("Error Message")) {
      inDetails = false;
    }
  }

  /**
   * The tail: the last lines before conda-build's first traceback (when there was one and they have
   * scrolled out) followed by the last lines; oldest first, masked, at most twice {@code tailLines}.
   */
  List<String> tail() {
    synchronized (tail) {
      List<String> now = List.copyOf(tail);
      if (beforeTraceback == null || beforeTraceback.size() + sinceTraceback <= tailLines) {
        return now;
      }
      List<String> out = new ArrayList<>(beforeTraceback);
      out.addAll(now.subList(Math.max(0, now.size() - sinceTraceback), now.size()));
      return List.copyOf(out);
    }
  }

  /**
   * conda-build's own error: the last exception line after a traceback, with the class's short name
   * and up to two {@code -->} detail lines (e.g. {@code UnableToParse: Unable to parse meta.yaml file:
   * mapping values are not allowed here; in "<unicode string>", line 6, column 12:}); masked, at most
   * 500 characters. Empty when the output had no traceback.
   */
  Optional<String> errorLine() {
    synchronized (tail) {
      if (exception == null) {
        return Optional.empty();
      }
      String e = details.isEmpty() ? exception : exception + ": " + String.join("; ", details);
      return Optional.of(e.length() > MAX_ERROR_CHARS ? e.substring(0, MAX_ERROR_CHARS - 3) + "..." : e);
    }
  }

  /** The build command's own time, when the script reported it. */
  Optional<Duration> commandTook() {
    long ms = commandMs.get();
    return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
  }
}
