package org.containerops.dockerpkg.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The changelogs an update rewrote.
 *
 * @param updates one per image, in build order (the updated image before its dependents)
 */
public record UpdateResult(List<Entry> updates) {
  public UpdateResult {
    updates = List.copyOf(updates);
  }

  /**
   * @param image short name
   * @param oldVersion version before the update
   * @param newVersion version of the new entry
   * @param changelog the rewritten file
   */
  public record Entry(String image, String oldVersion, String newVersion, Path changelog) {
    public Entry {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(oldVersion, "oldVersion");
      Objects.requireNonNull(newVersion, "newVersion");
      Objects.requireNonNull(changelog, "changelog");
    }
  }
}
