package org.containerops.tagging.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.containerops.tagging.api.TaggingException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInfoTest {
  @Test
  void readsHeadFromASubdirectoryWithTheMultiLineMessageStripped(@TempDir Path dir) throws Exception {
    RevCommit c;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("f"), "x");
      git.add().addFilepattern("f").call();
      c = git.commit().setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
          .setMessage("Subject line\n\nBody one\nBody two\n\n").call();
    }
    Path sub = Files.createDirectories(dir.resolve("images/base"));
    GitInfo info = GitInfo.discover(sub);
    assertEquals(c.name(), info.commitHash());
    assertEquals(c.name().substring(0, 12), info.commitHashTag());
    assertEquals("Subject line\n\nBody one\nBody two", info.commitMessage());
  }

  @Test
  void noRepositoryIsAGitError(@TempDir Path dir) {
    TaggingException e = assertThrows(TaggingException.class, () -> GitInfo.discover(dir.resolve("nowhere")));
    assertEquals(TaggingException.Reason.GIT, e.reason());
  }

  @Test
  void commitMessageIsStrippedAsPythonStripsIt() {
    // upstream git_helper.py:20 str.strip(): a no-break space (or U+0085, U+2007, U+202F) is stripped too
    GitInfo info = new GitInfo("0123456789abcdef0123456789abcdef01234567", "\u00a0Fix (#1)\n\nbody\u202f\n\u2007\u0085");
    assertEquals("Fix (#1)\n\nbody", info.commitMessage());
    assertEquals("\u200bkeep\u200b", new GitInfo("0123456789abcdef0123456789abcdef01234567", "\u200bkeep\u200b\n")
        .commitMessage());
  }
}
