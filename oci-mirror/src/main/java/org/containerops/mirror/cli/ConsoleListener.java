package org.containerops.mirror.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.containerops.mirror.api.MirrorListener;

/**
 * Prints progress to stderr: warnings and failures always, one line per package unless quiet, and a
 * redrawn progress bar instead of lines when attached to a terminal. Thread-safe (synchronized writes).
 */
final class ConsoleListener implements MirrorListener {
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();

  ConsoleListener(PrintWriter err, boolean quiet, boolean terminal) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
  }

  @Override
  public synchronized void warning(String message) {
    line("warning: " + message);
  }

  @Override
  public synchronized void planned(String subdir, int toPush, int present) {
    total.addAndGet(toPush);
    if (!quiet) {
      line(subdir + ": " + toPush + " to push, " + present + " already in the registry");
    }
  }

  @Override
  public synchronized void pushed(String ref, List<String> files, long bytes) {
    done.incrementAndGet();
    progress("pushed " + ref + " (" + String.join(", ", files) + ", " + bytes + " bytes uploaded)");
  }

  @Override
  public synchronized void wouldPush(String ref, List<String> files) {
    if (!quiet) {
      line("would push " + ref + " (" + String.join(", ", files) + ")");
    }
  }

  @Override
  public synchronized void failed(String file, String message) {
    done.incrementAndGet();
    line("error: " + message);
  }

  @Override
  public synchronized void repodataPublished(String subdir, List<String> tags) {
    if (!quiet) {
      line("published " + subdir + "/repodata.json as " + String.join(", ", tags));
    }
  }

  @Override
  public synchronized void downloaded(String file, long bytes) {
    progress(bytes == 0 ? file + " already up to date" : "downloaded " + file + " (" + bytes + " bytes)");
  }

  private void progress(String text) {
    if (terminal) {
      int t = Math.max(total.get(), done.get());
      int width = 30;
      int filled = t == 0 ? width : width * done.get() / t;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done.get() + "/" + t + "\u001b[K");
      err.flush();
    } else if (!quiet) {
      line(text);
    }
  }

  private void line(String text) {
    if (terminal) {
      err.print("\r\u001b[K");
    }
    err.println(text);
    err.flush();
  }

  /** Ends a progress bar line. */
  synchronized void finish() {
    if (terminal) {
      err.println();
      err.flush();
    }
  }
}
