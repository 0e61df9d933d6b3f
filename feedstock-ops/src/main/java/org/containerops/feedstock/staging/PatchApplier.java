package org.containerops.feedstock.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies a rerender's patch to the real feedstock, as upstream's host does
 * ({@code conda_forge_feedstock_ops/rerender.py:140-156}): {@code git apply --allow-empty}, then the
 * permissions map, then staging. Only the diff is applied; the tree is never overwritten, so edits
 * in {@code recipe/} that the rerender did not touch stay as they are (conda-smithy#2096). Unlike
 * upstream's {@code git add -f .}, only the paths the patch touched are staged, so unrelated
 * uncommitted edits are not swept into the rerender commit.
 */
public final class PatchApplier {
  private PatchApplier() {}

  /**
   * @param feedstockDir the real feedstock, a git work tree
   * @param patch the container's {@code git diff prev..curr}
   * @param permissions the container's permissions map (relative path to 0/64 or boolean)
   * @param scratch a directory for the patch file
   * @return the touched paths, relative, sorted
   * @throws Git.GitException when the feedstock is not a work tree or the patch does not apply
   */
  public static List<String> apply(Path feedstockDir, String patch, Map<String, ?> permissions, Path scratch) {
    Git git = new Git(feedstockDir);
    requireWorkTree(git, feedstockDir);
    Path patchFile = scratch.resolve("rerender-diff-" + feedstockDir.getFileName() + ".patch");
    try {
      Files.writeString(patchFile, patch, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + patchFile + ": " + e.getMessage(), e);
    }
    List<String> paths = touchedPaths(git.run("apply", "--numstat", "-z", "--allow-empty", patchFile.toString()));
    git.run("apply", "--allow-empty", patchFile.toString());
    Permissions.reset(feedstockDir, permissions);
    if (!paths.isEmpty()) {
      List<String> add = new ArrayList<>(List.of("add", "-f", "-A", "--"));
      add.addAll(paths);
      git.run(add.toArray(String[]::new));
    }
    return paths;
  }

  /** @throws Git.GitException naming the directory when it is not inside a git work tree */
  public static void requireWorkTree(Git git, Path dir) {
    try {
      git.run("rev-parse", "--is-inside-work-tree");
    } catch (Git.GitException e) {
      throw new Git.GitException(dir + " is not a git work tree; rerender applies its result as a git patch", e);
    }
  }

  /** Parses {@code git apply --numstat -z}: {@code a\tb\tpath\0}, or for renames {@code a\tb\t\0old\0new\0}. */
  static List<String> touchedPaths(String numstat) {
    TreeSet<String> paths = new TreeSet<>();
    String[] fields = numstat.split("\0", -1);
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i];
      if (f.isEmpty()) {
        continue;
      }
      String[] parts = f.split("\t", 3);
      if (parts.length == 3 && !parts[2].isEmpty()) {
        paths.add(parts[2]);
      } else if (parts.length == 3 && i + 2 < fields.length) {
        paths.add(fields[i + 1]);
        paths.add(fields[i + 2]);
        i += 2;
      }
    }
    return List.copyOf(paths);
  }
}
