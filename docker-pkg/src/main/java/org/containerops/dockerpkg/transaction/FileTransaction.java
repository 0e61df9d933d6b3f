package org.containerops.dockerpkg.transaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a set of files all-or-nothing. {@link #stage} writes each new content to a temporary
 * file beside its target (creating missing directories); {@link #commit} backs up the existing
 * targets, then moves every staged file into place. If anything fails, every target is restored
 * (old content back, new files and created directories removed) and the exception is rethrown.
 * {@link #close} without a commit discards staged files. Not thread-safe.
 */
public final class FileTransaction implements AutoCloseable {
  /** Puts a staged file in place: the one file-system step of a commit, replaceable in tests. */
  @FunctionalInterface
  public interface Mover {
    /** Moves {@code source} to {@code target}, replacing it. */
    void move(Path source, Path target) throws IOException;
  }

  /** The default mover: an atomic rename where the file system allows it. */
  public static final Mover ATOMIC = (source, target) -> {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  };

  private final Mover mover;
  private final Map<Path, Path> staged = new LinkedHashMap<>();
  private final List<Path> createdDirs = new ArrayList<>();
  private boolean done;

  /** A transaction using {@link #ATOMIC}. */
  public FileTransaction() {
    this(ATOMIC);
  }

  /** @param mover puts staged files in place */
  public FileTransaction(Mover mover) {
    this.mover = Objects.requireNonNull(mover, "mover");
  }

  /**
   * Writes {@code content} (UTF-8) to a temporary file beside {@code target}.
   *
   * @throws IOException if writing fails; nothing of this transaction is kept then
   * @throws IllegalArgumentException if {@code target} is staged twice
   * @throws IllegalStateException after commit or close
   */
  public void stage(Path target, String content) throws IOException {
    if (done) {
      throw new IllegalStateException("transaction already committed or closed");
    }
    Path abs = target.toAbsolutePath().normalize();
    if (staged.containsKey(abs)) {
      throw new IllegalArgumentException("target: staged twice: " + target);
    }
    try {
      createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".new");
      staged.put(abs, tmp);
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      copyPermissions(abs, tmp);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Puts every staged file in place.
   *
   * @throws IOException if a step fails; every target then has its old content (or is absent again)
   */
  public void commit() throws IOException {
    if (done) {
      throw new IllegalStateException("transaction already committed or closed");
    }
    Map<Path, Path> backups = new LinkedHashMap<>();
    List<Path> placed = new ArrayList<>();
    try {
      for (Path target : staged.keySet()) {
        if (Files.exists(target)) {
          Path backup = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".old");
          Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
          backups.put(target, backup);
        }
      }
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        mover.move(e.getValue(), e.getKey());
        placed.add(e.getKey());
      }
    } catch (IOException | RuntimeException e) {
      for (Path target : placed) {
        Path backup = backups.remove(target);
        try {
          if (backup != null) {
            ATOMIC.move(backup, target);
          } else {
            Files.deleteIfExists(target);
          }
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
      }
      backups.values().forEach(FileTransaction::deleteQuietly);
      close();
      throw e;
    }
    backups.values().forEach(FileTransaction::deleteQuietly);
    staged.clear();
    createdDirs.clear();
    done = true;
  }

  /** Discards staged files and directories this transaction created; idempotent; no-op after commit. */
  @Override
  public void close() {
    staged.values().forEach(FileTransaction::deleteQuietly);
    staged.clear();
    for (int i = createdDirs.size() - 1; i >= 0; i--) {
      deleteQuietly(createdDirs.get(i));
    }
    createdDirs.clear();
    done = true;
  }

  private void createDirectories(Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    for (Path d : missing) {
      Files.createDirectory(d);
      createdDirs.add(d);
    }
  }

  /** Gives the staged file the target's permissions, or rw-r--r-- for a new file (temp files are rw-------). */
  private static void copyPermissions(Path target, Path tmp) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Files.setPosixFilePermissions(tmp, Files.exists(target)
        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a non-empty directory or a vanished file: nothing more to undo
    }
  }
}
