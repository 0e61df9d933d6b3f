package org.containerops.tagging.runner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs each distinct command line once per container and gives every caller its result: upstream's
 * taggers and manifests ask the same read-only questions several times (all-spark-notebook: {@code python
 * --version} three times, {@code R --version} twice), and the answers of one image do not change within
 * one run. Concurrent callers of the same line wait for the one exec; a failure is every caller's
 * failure (the same exception). Thread-safe.
 */
public final class SharedCommands implements CommandRunner {
  private final CommandRunner delegate;
  private final ConcurrentMap<String, CompletableFuture<String>> results = new ConcurrentHashMap<>();

  /** @param delegate runs the commands */
  public SharedCommands(CommandRunner delegate) {
    this.delegate = delegate;
  }

  @Override
  public String exec(String commandLine) {
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> f = results.putIfAbsent(commandLine, mine);
    if (f == null) {
      try {
        mine.complete(delegate.exec(commandLine));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
      }
      f = mine;
    }
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public String image() {
    return delegate.image();
  }
}
