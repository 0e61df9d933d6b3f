package org.containerops.tagging.git;

import java.io.IOException;
import java.nio.file.Path;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.text.PythonText;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The commit the images are built from: upstream's {@code GitHelper} ({@code tagging/utils/git_helper.py}).
 *
 * @param commitHash the 40-hex {@code git rev-parse HEAD}
 * @param commitMessage {@code git log -1 --pretty=%B}, stripped as Python's {@code str.strip()} does
 *     ({@code git_helper.py:20}; {@link PythonText#strip(String)}: also U+00A0, U+0085, U+2007...)
 */
public record GitInfo(String commitHash, String commitMessage) {
  /** Validates the hash. */
  public GitInfo {
    if (commitHash == null || !commitHash.matches("[0-9a-f]{40}")) {
      throw new IllegalArgumentException("commitHash: want 40 lower-case hex digits, got " + commitHash);
    }
    commitMessage = commitMessage == null ? "" : PythonText.strip(commitMessage);
  }

  /** The first 12 characters of the hash (upstream {@code commit_hash_tag()}, {@code :15-16}). */
  public String commitHashTag() {
    return commitHash.substring(0, 12);
  }

  /**
   * Reads HEAD of the repository containing {@code dir}, searching upwards as git does.
   *
   * @throws TaggingException {@code GIT} when there is no repository or HEAD has no commit
   */
  public static GitInfo discover(Path dir) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
        .findGitDir(dir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new TaggingException(Reason.GIT, "no git repository at or above " + dir.toAbsolutePath(), null);
    }
    try (Repository repo = builder.setMustExist(true).build(); RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve("HEAD");
      if (head == null) {
        throw new TaggingException(Reason.GIT, "HEAD of " + repo.getDirectory() + " has no commit", null);
      }
      RevCommit commit = walk.parseCommit(head);
      return new GitInfo(head.name(), commit.getFullMessage());
    } catch (IOException e) {
      throw new TaggingException(Reason.GIT, "cannot read git repository at " + dir.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
  }
}
