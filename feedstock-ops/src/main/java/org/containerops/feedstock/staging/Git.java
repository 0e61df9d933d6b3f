package org.containerops.feedstock.staging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} binary in a directory. Output is captured (never printed); a non-zero exit
 * is a {@link GitException} with git's stderr.
 */
public final class Git {
  private static final long TIMEOUT_SECONDS = 300;
  private final Path dir;

  /** @param dir the working directory */
  public Git(Path dir) {
    this.dir = dir;
  }

  /** A failed git command; the message holds the command and git's stderr (first lines). */
  public static final class GitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GitException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Runs {@code git <args>}.
   *
   * @return stdout as UTF-8
   * @throws GitException when git is missing, fails or takes over 5 minutes
   */
  public String run(String... args) {
    return new String(runBytes(args), StandardCharsets.UTF_8);
  }

  /** {@link #run} returning raw stdout. */
  public byte[] runBytes(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      p.getOutputStream().close();
    } catch (IOException e) {
      throw new GitException("cannot run git (is it installed?): " + e.getMessage(), e);
    }
    try {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errReader = new Thread(() -> copy(p.getErrorStream(), err), "git-stderr");
      errReader.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new GitException(String.join(" ", cmd) + " in " + dir + " took over " + TIMEOUT_SECONDS + " s", null);
      }
      errReader.join();
      if (p.exitValue() != 0) {
        String e = err.toString(StandardCharsets.UTF_8).strip();
        throw new GitException(String.join(" ", cmd) + " in " + dir + " failed (exit " + p.exitValue() + "): "
            + (e.length() > 2000 ? e.substring(0, 2000) + "..." : e), null);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git", e);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException ignored) {
      // the process went away; what we have is enough for the message
    }
  }
}
