package org.containerops.recipe.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A numeric {@code uid:gid} and file ownership on the host.
 *
 * @param uid user id
 * @param gid primary group id
 */
public record HostUser(int uid, int gid) {
  /** The current process's effective uid and gid (read from {@code /proc/self}). */
  public static HostUser current() {
    try {
      Path self = Path.of("/proc/self");
      return new HostUser((Integer) Files.getAttribute(self, "unix:uid"), (Integer) Files.getAttribute(self, "unix:gid"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the process's uid:gid from /proc/self", e);
    }
  }

  /** Parses {@code uid:gid}. @throws IllegalArgumentException when it is not two numbers */
  public static HostUser parse(String uidGid) {
    String[] parts = uidGid.split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("user: want uid:gid, got " + uidGid);
    }
    return new HostUser(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  /** True for uid 0. */
  public boolean isRoot() {
    return uid == 0;
  }

  /**
   * Makes {@code path} owned by this user when the process may change owners (it runs as root) and
   * the owner differs; otherwise the file keeps the process's owner, which is this user in the default
   * setup.
   *
   * @throws UncheckedIOException when the change fails
   */
  public void own(Path path) {
    if (!current().isRoot()) {
      return;
    }
    try {
      if (!Integer.valueOf(uid).equals(Files.getAttribute(path, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
        Files.setAttribute(path, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      }
      if (!Integer.valueOf(gid).equals(Files.getAttribute(path, "unix:gid", java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
        Files.setAttribute(path, "unix:gid", gid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot give " + path + " to " + this, e);
    }
  }

  @Override
  public String toString() {
    return uid + ":" + gid;
  }
}
