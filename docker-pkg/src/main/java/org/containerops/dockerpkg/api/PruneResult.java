package org.containerops.dockerpkg.api;

import java.util.List;

/**
 * What {@code prune} removed.
 *
 * @param removed {@code repo:tag} references removed, in order
 * @param errors one line per reference the engine refused (e.g. in use by a container)
 */
public record PruneResult(List<String> removed, List<String> errors) {
  public PruneResult {
    removed = List.copyOf(removed);
    errors = List.copyOf(errors);
  }

  /** @return true when every removal succeeded */
  public boolean ok() {
    return errors.isEmpty();
  }
}
