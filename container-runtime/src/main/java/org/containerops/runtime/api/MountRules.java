package org.containerops.runtime.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Which host paths may be bind-mounted: checked on the real path ({@link Path#toRealPath}), so a symlink
 * cannot smuggle in what its target would not be allowed. Refused always: {@code /}, the engine socket or a
 * directory holding it, any socket, FIFO or device node, a missing path, and a plain file where a directory
 * is required. Refused unless allowed: the system directories {@link #SYSTEM_DIRECTORIES} and anything
 * under them.
 */
final class MountRules {
  /** System directories refused unless {@code allowSystemMounts()} / {@code --allow-system-mount}. */
  static final List<Path> SYSTEM_DIRECTORIES = List.of("/etc", "/proc", "/sys", "/dev", "/boot", "/var/run", "/run")
      .stream().map(Path::of).toList();

  private MountRules() {}

  /**
   * The real path of {@code given} after the checks that always apply.
   *
   * @param directoryRequired true where a directory is documented (the operation dir)
   * @throws IllegalArgumentException naming {@code given} and what it resolved to
   */
  static Path checkAlways(Path given, boolean directoryRequired) {
    Path real;
    BasicFileAttributes attrs;
    try {
      real = given.toRealPath();
      attrs = Files.readAttributes(real, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("mount: host path does not exist: " + given, e);
    }
    String shown = "mount: " + given + (real.equals(given) ? "" : " (resolves to " + real + ")");
    if (real.getParent() == null) {
      throw new IllegalArgumentException(shown + " is the host's root directory; mount a directory below it");
    }
    Optional<Path> socket = engineSocket();
    if (socket.isPresent() && socket.get().startsWith(real)) {
      throw new IllegalArgumentException(shown + (socket.get().equals(real) ? " is" : " holds")
          + " the engine socket " + socket.get() + ": a container that can reach it is root on the host");
    }
    if (attrs.isOther()) {
      throw new IllegalArgumentException(shown + " is a socket, FIFO or device, not a file or directory");
    }
    if (directoryRequired && !attrs.isDirectory()) {
      throw new IllegalArgumentException(shown + " is a file; a directory is required here");
    }
    return real;
  }

  /**
   * @throws IllegalArgumentException when {@code real} is a system directory or below one, naming
   *     {@code given}, {@code real} and how to allow it
   */
  static void refuseSystemDirectory(Path given, Path real) {
    for (Path system : SYSTEM_DIRECTORIES) {
      if (real.startsWith(system) || real.startsWith(realOrSelf(system))) {
        throw new IllegalArgumentException("mount: " + given + (real.equals(given) ? "" : " (resolves to " + real + ")")
            + " is under the system directory " + system + "; mount a copy, or allow it explicitly"
            + " (allowSystemMounts(), --allow-system-mount)");
      }
    }
  }

  /** The real path of the engine's unix socket ({@code DOCKER_HOST} or the default), when it exists. */
  static Optional<Path> engineSocket() {
    String host = System.getenv("DOCKER_HOST");
    Path socket = Path.of("/var/run/docker.sock");
    if (host != null && !host.isBlank()) {
      URI uri = URI.create(host.strip());
      if (!"unix".equals(uri.getScheme()) || uri.getPath() == null) {
        return Optional.empty();
      }
      socket = Path.of(uri.getPath());
    }
    try {
      return Optional.of(socket.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | UncheckedIOException e) {
      return p;
    }
  }
}
