package org.containerops.tagging.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.TaggingListener;
import org.containerops.tagging.hierarchy.ImageHierarchy;
import picocli.CommandLine.Option;

/** Options every subcommand has (beyond upstream's): hierarchy file, git directory, diagnostics. */
final class CommonOptions {
  @Option(names = "--hierarchy", paramLabel = "FILE",
      description = "Image tree YAML (images: {name: {parent, taggers, manifests}}); default: jupyter/docker-stacks' 11 images.")
  Path hierarchy;

  @Option(names = "--git-dir", paramLabel = "DIR", defaultValue = ".",
      description = "Read the commit from the git repository at or above DIR (default: the working directory).")
  Path gitDir;

  @Option(names = "--plain-http", description = "Talk plain HTTP to registries (loopback registries always are).")
  boolean plainHttp;

  @Option(names = "--max-manifest-bytes", paramLabel = "BYTES", defaultValue = "4194304",
      description = "Upper bound of a manifest, index or config blob read from a registry (default 4 MiB).")
  long maxManifestBytes;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
      description = "Commands run at once in the image's one container (1 = upstream's sequential order; output is the same).")
  int parallelism;

  @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
  boolean stacktrace;

  @Option(names = {"-v", "--verbose"}, description = "Report progress on stderr.")
  boolean verbose;

  @Option(names = "--timings", description = "Print where the time goes on stderr: JVM start to here, engine "
      + "connect, git, container start, commands, container removal, files, apply tags (ms).")
  boolean timings;

  ImageTagging.Builder builder(PrintWriter err, Platform platform) {
    ImageTagging.Builder b = ImageTagging.builder().repoDir(gitDir).plainHttp(plainHttp).maxManifestBytes(maxManifestBytes).parallelism(parallelism).listener(listener(err));
    if (hierarchy != null) {
      b.hierarchy(ImageHierarchy.load(hierarchy));
    }
    if (platform != null) {
      b.platform(platform);
    }
    return b;
  }

  private TaggingListener listener(PrintWriter err) {
    boolean v = verbose;
    boolean t = timings;
    if (t) {
      ProcessHandle.current().info().startInstant().ifPresent(start -> err.println("timing jvm start to options parsed: "
          + java.time.Duration.between(start, java.time.Instant.now()).toMillis() + " ms"));
    }
    return new TaggingListener() {
      @Override
      public synchronized void phase(String phase, java.time.Duration took) {
        if (t) {
          err.println("timing " + phase + ": " + took.toMillis() + " ms");
        }
      }

      @Override
      public synchronized void tagComputed(String tagger, String value) {
        if (v) {
          err.println("tag " + tagger + ": " + value);
        }
      }

      @Override
      public synchronized void manifestComputed(String manifest) {
        if (v) {
          err.println("manifest " + manifest + " computed");
        }
      }

      @Override
      public synchronized void fileWritten(Path file) {
        err.println("wrote " + file);
      }

      @Override
      public synchronized void tagApplied(String source, String tag) {
        if (v) {
          err.println("tagged " + source + " as " + tag);
        }
      }

      @Override
      public synchronized void merged(String tag, List<String> platformTags, boolean pushed) {
        err.println((pushed ? "merged " : "would merge (dry run) ") + tag + " <- " + String.join(" ", platformTags));
      }

      @Override
      public synchronized void warning(String message) {
        err.println("warning: " + message);
      }
    };
  }
}
