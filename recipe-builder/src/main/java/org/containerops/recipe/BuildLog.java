package org.containerops.recipe;

import java.time.Duration;
import java.util.ArrayDeque;
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
 * {@code tailLines} kept for the result, and the build command's own time picked up when the default
 * script reports it ({@code recipe-builder: build command took N ms}). Thread-safe: lines arrive on
 * docker-java's stream thread while the caller reads the tail.
 */
final class BuildLog {
  private static final Pattern COMMAND_TIME = Pattern.compile("recipe-builder: build command took (\\d+) ms");

  private final BuildSpec recipe;
  private final SecretMask mask;
  private final RecipeBuilderListener listener;
  private final int tailLines;
  private final Deque<String> tail = new ArrayDeque<>();
  private final AtomicLong commandMs = new AtomicLong(-1);

  /** @param tailLines how many last lines to keep; positive */
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

  /** The last lines so far, oldest first, masked; a copy. */
  List<String> tail() {
    synchronized (tail) {
      return List.copyOf(tail);
    }
  }

  /** The build command's own time, when the script reported it. */
  Optional<Duration> commandTook() {
    long ms = commandMs.get();
    return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
  }
}
