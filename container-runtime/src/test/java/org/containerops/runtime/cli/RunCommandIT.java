package org.containerops.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.testing.EngineExtension;
import org.containerops.runtime.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI against the real engine: output and exit codes. */
@ExtendWith(EngineExtension.class)
class RunCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = ContainerRuntimeCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void printsTheDataOfASuccessfulRun() {
    int code = run("run", "--image", TestImages.SANDBOX, "--env", "N=7", "--",
        "sh", "-c", "echo working >&2; printf '{\"data\": {\"n\": %s, \"b\": [true]}}' $N");
    assertEquals(0, code, err.toString());
    assertEquals("{\n  \"b\": [\n    true\n  ],\n  \"n\": 7\n}\n", out.toString());
    assertTrue(err.toString().contains("working"), err.toString());
  }

  @Test
  void aReportedErrorExitsOneWithTheErrorOnStderr() {
    int code = run("run", "--image", TestImages.SANDBOX, "--",
        "sh", "-c", "printf '{\"data\": null, \"error\": \"ValueError(\\u0027no recipe\\u0027)\", \"traceback\": \"tb\"}'");
    assertEquals(1, code);
    assertEquals("", out.toString());
    assertTrue(err.toString().contains("ValueError: no recipe"), err.toString());
  }

  @Test
  void stdinFileAndReadWriteMountWork(@TempDir Path dir, ContainerRuntime rt) throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path input = Files.writeString(dir.resolve("in.txt"), "abc");
    String marker = "marker-" + UUID.randomUUID(); // finds the CLI's container among everyone's
    int code = run("run", "--image", TestImages.SANDBOX, "--mount", dir + ":rw", "--stdin", input.toString(),
        "--timeout", "30", "--", "sh", "-c", "cat > /cf_feedstock_ops_dir/copy.txt; echo '{\"data\": \"ok\"}'", marker);
    assertEquals(0, code, err.toString());
    assertEquals("abc", Files.readString(dir.resolve("copy.txt")));
    assertTrue(ContainerTracker.listOurs(rt.client(), null).stream().noneMatch(c -> c.getCommand().contains(marker)),
        "the CLI's container is gone too");
  }

  @Test
  void aMissingImageExitsOne() {
    assertEquals(1, run("run", "--image", "containerops/absent:0", "--", "true"));
    assertTrue(err.toString().contains("containerops/absent:0"), err.toString());
  }
}
