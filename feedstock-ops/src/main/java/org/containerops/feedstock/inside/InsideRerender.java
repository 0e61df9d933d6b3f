package org.containerops.feedstock.inside;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.containerops.feedstock.staging.FeedstockCopy;
import org.containerops.feedstock.staging.Git;
import org.containerops.feedstock.staging.Permissions;
import org.containerops.runtime.protocol.ProtocolJson;

/**
 * The container side of {@code rerender} ({@code conda_forge_feedstock_ops/__main__.py:148-268}): finds
 * the one {@code *-feedstock} dir in the mount, copies it to the tmpfs, restores its exec bits from
 * {@code permissions-<name>.json}, commits it to a fresh git repository, runs
 * {@code conda-smithy rerender --no-check-uptodate --temporary-directory T [--exclusive-config-file F]},
 * and when conda-smithy printed a commit message, commits and returns the diff. Nothing is written
 * to the mount.
 */
public final class InsideRerender {
  /** Override for the conda-smithy program (ours; tests point it at a double). */
  public static final String SMITHY_VARIABLE = "CF_FEEDSTOCK_OPS_CONDA_SMITHY";
  private static final String COMMIT_LINE = "    git commit -m \"MNT: ";

  private final ToolRunner tools;
  private final PrintStream tee;

  /** @param env the container environment; @param tee where tool output is copied (stderr) */
  public InsideRerender(Map<String, String> env, PrintStream tee) {
    this.tools = new ToolRunner(env, tee);
    this.tee = tee;
  }

  /**
   * @param opsDir the mount, {@code /cf_feedstock_ops_dir}
   * @param timeout conda-smithy's timeout, or null
   * @param exclusiveConfigFile a file name in the mount, or null
   * @return {@code {"commit_message": str|null, "patch": str|null, "permissions": {path: 0|64}}}
   * @throws IllegalStateException when the mount does not hold exactly one {@code *-feedstock} dir
   * @throws ToolNotFoundException when conda-smithy is not in the image
   * @throws RuntimeException {@code Failed to rerender} when conda-smithy fails or times out
   */
  public Map<String, Object> run(Path opsDir, Duration timeout, String exclusiveConfigFile) throws IOException {
    String smithy = tools.resolve("conda-smithy", SMITHY_VARIABLE, "conda-smithy renders the CI files");
    Path input = OpsDir.oneFeedstock(opsDir);
    String name = input.getFileName().toString();
    try (java.util.stream.Stream<Path> entries = Files.list(input)) {
      tee.println("feedstock-ops rerender: mounted " + input + " holds "
          + entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
    Path permsFile = opsDir.resolve("permissions-" + name + ".json");
    Map<String, Object> inputPerms = new LinkedHashMap<>();
    if (Files.isRegularFile(permsFile)) {
      Object p = ProtocolJson.loads(Files.readString(permsFile));
      if (p instanceof Map<?, ?> m) {
        m.forEach((k, v) -> inputPerms.put(String.valueOf(k), v));
      }
    }
    try (FeedstockCopy work = FeedstockCopy.create("rerender")) {
      Path fs = work.copy(input, name);
      if (!inputPerms.isEmpty()) {
        Permissions.reset(fs, inputPerms);
      }
      Git git = new Git(fs);
      boolean hasGitignore = Files.exists(fs.resolve(".gitignore"));
      if (hasGitignore) {
        Files.move(fs.resolve(".gitignore"), fs.resolve(".gitignore.bak"));
      }
      git.run("init", "-q", "-b", "main", ".");
      git.run("add", ".");
      commit(git, "initial commit");
      if (hasGitignore) {
        git.run("mv", ".gitignore.bak", ".gitignore");
        commit(git, "put back gitignore");
      }
      String prev = git.run("rev-parse", "HEAD").strip();

      List<String> argv = new ArrayList<>(List.of(smithy, "rerender", "--no-check-uptodate", "--temporary-directory",
          work.root().resolve("smithy-tmp").toString()));
      Files.createDirectories(work.root().resolve("smithy-tmp"));
      if (exclusiveConfigFile != null) {
        argv.add("--exclusive-config-file");
        argv.add(opsDir.resolve(Path.of(exclusiveConfigFile).getFileName().toString()).toString());
      }
      ToolRunner.ToolResult r = tools.run(argv, fs, timeout);
      if (r.timedOut()) {
        throw new RuntimeException("Failed to rerender: conda-smithy did not finish within " + timeout.toSeconds()
            + " s and was killed (its output is on stderr)");
      }
      if (r.exitCode() != 0) {
        throw new RuntimeException("Failed to rerender: conda-smithy exited with code " + r.exitCode()
            + " (its output is on stderr)");
      }
      String message = commitMessage(r.output());
      Map<String, Object> data = new LinkedHashMap<>();
      if (message == null) {
        data.put("commit_message", null);
        data.put("patch", null);
        data.put("permissions", inputPerms);
        return data;
      }
      Map<String, Integer> outputPerms = Permissions.userExecute(fs);
      git.run("add", "-f", ".");
      commit(git, message);
      String curr = git.run("rev-parse", "HEAD").strip();
      data.put("commit_message", message);
      data.put("patch", git.run("diff", "--binary", prev + ".." + curr));
      data.put("permissions", outputPerms);
      return data;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The message from conda-smithy's {@code     git commit -m "MNT: ..."} hint ({@code rerender.py:292-295}); the last wins. */
  static String commitMessage(String output) {
    String message = null;
    for (String line : output.split("\n")) {
      if (line.contains(COMMIT_LINE)) {
        String rest = line.split("git commit -m \"", 2)[1].strip();
        message = rest.endsWith("\"") ? rest.substring(0, rest.length() - 1) : rest;
      }
    }
    return message;
  }

  private static void commit(Git git, String message) {
    git.run("-c", "user.name=conda conda", "-c", "user.email=conda@conda.conda", "-c", "commit.gpgsign=false",
        "commit", "-q", "--allow-empty", "-am", message);
  }
}
