package org.containerops.runtime.transfer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files written next to their target ({@code .<name>.<random>.part}) and moved into place
 * atomically, so a reader never sees half a file and a failure leaves nothing behind: every file made
 * here is deleted by {@link #discard} on a failure path, and — if the JVM exits first (normal exit,
 * SIGTERM, SIGINT) — by a shutdown hook. Only {@code kill -9} can leave one; callers that resume clean
 * stale {@code .part} files up with {@link #isTemp}.
 *
 * <p>Files are created without explicit permissions, so they get the process umask's (0644 under
 * umask 022), not {@code Files.createTempFile}'s 0600: a channel served by a web server or shared with
 * another user stays readable (issue 17 §6).
 */
public final class TempFiles {
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SUFFIX = ".part";

  static {
    Thread hook = new Thread(TempFiles::deleteAll, "containerops-temp-files");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private TempFiles() {}

  /**
   * Creates an empty file {@code .<prefix>.<16 hex>.part} in {@code dir} (made if missing), registered
   * for deletion on JVM exit.
   *
   * @param dir the directory of the eventual target (so the final move is a rename)
   * @param prefix usually the target's file name
   * @return the new file, with the umask's permissions
   * @throws IOException when the directory or the file cannot be created
   */
  public static Path createTemp(Path dir, String prefix) throws IOException {
    Files.createDirectories(dir);
    for (int attempt = 0; ; attempt++) {
      byte[] bytes = new byte[8];
      RANDOM.nextBytes(bytes);
      Path temp = dir.resolve("." + prefix + "." + HexFormat.of().formatHex(bytes) + SUFFIX);
      try {
        LIVE.add(temp);
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        LIVE.remove(temp);
        if (attempt > 10) {
          throw e;
        }
      } catch (IOException e) {
        LIVE.remove(temp);
        throw e;
      }
    }
  }

  /**
   * Moves {@code temp} onto {@code target} atomically (a rename; replace where the file system cannot
   * rename atomically) and forgets it.
   *
   * @throws IOException when the move fails; {@code temp} is then deleted too
   */
  public static void commit(Path temp, Path target) throws IOException {
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      LIVE.remove(temp);
    } catch (IOException e) {
      discard(temp);
      throw e;
    }
  }

  /** Deletes {@code temp} if it is still there and forgets it; never throws. Null is ignored. */
  public static void discard(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // best effort; the shutdown hook tries again
      return;
    }
    LIVE.remove(temp);
  }

  /** Whether {@code file}'s name has the shape of a file made by {@link #createTemp}. */
  public static boolean isTemp(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().startsWith(".") && name.toString().endsWith(SUFFIX);
  }

  /** How many temporary files are live in this JVM (for tests). */
  public static int liveCount() {
    return LIVE.size();
  }

  private static void deleteAll() {
    for (Path p : LIVE) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // nothing more can be done at exit
      }
    }
  }
}
