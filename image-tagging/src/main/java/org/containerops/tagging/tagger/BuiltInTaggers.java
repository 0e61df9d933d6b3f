package org.containerops.tagging.tagger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.runner.CommandRunner;
import org.containerops.tagging.text.PythonText;

/**
 * Upstream's 15 taggers ({@code tagging/taggers/*.py} at docker-stacks {@code 82093869}), by name, with
 * the same commands and parsing. Parsing follows Python exactly (whitespace {@code split()}, last
 * {@code rpartition}); where upstream would raise ({@code IndexError}, {@code StopIteration}) these throw
 * {@link TaggingException} {@code UNEXPECTED_OUTPUT} naming the command.
 */
public final class BuiltInTaggers {
  /** The Spark banner line the spark tagger looks for ({@code versions.py:72-82}). */
  static final String SPARK_VERSION_LINE = "   /___/ .__/\\_,_/_/ /_/\\_\\   version";

  private static final Map<String, Tagger> ALL;

  static {
    Map<String, Tagger> m = new LinkedHashMap<>();
    add(m, Tagger.of("commit_sha_tagger", in -> in.git().commitHashTag()));
    add(m, Tagger.of("date_tagger", in -> LocalDate.now(in.clock().withZone(ZoneOffset.UTC)).toString()));
    add(m, Tagger.of("ubuntu_version_tagger", in -> ubuntuVersion(in.container())));
    add(m, Tagger.of("python_major_minor_tagger", in -> {
      String full = python(in.container());
      int dot = full.lastIndexOf('.'); // Python full[: full.rfind(".")]: -1 drops the last character
      return full.substring(0, dot < 0 ? full.length() - 1 : dot);
    }));
    add(m, Tagger.of("python_tagger", in -> python(in.container())));
    add(m, Tagger.of("mamba_tagger", in -> "mamba-" + version(in.container(), "mamba")));
    add(m, Tagger.of("conda_tagger", in -> "conda-" + word(in.container(), "conda --version", 1)));
    add(m, Tagger.of("jupyter_notebook_tagger", in -> "notebook-" + version(in.container(), "jupyter-notebook")));
    add(m, Tagger.of("jupyter_lab_tagger", in -> "lab-" + version(in.container(), "jupyter-lab")));
    add(m, Tagger.of("jupyter_hub_tagger", in -> "hub-" + version(in.container(), "jupyterhub")));
    add(m, Tagger.of("r_tagger", in -> "r-" + word(in.container(), "R --version", 2)));
    add(m, Tagger.of("julia_tagger", in -> "julia-" + word(in.container(), "julia --version", 2)));
    add(m, Tagger.of("tensorflow_tagger", in -> "tensorflow-" + tensorflow(in.container())));
    add(m, Tagger.of("pytorch_tagger", in -> "pytorch-" + pipVersion(in.container(), "torch").split("\\+", -1)[0]));
    add(m, Tagger.of("spark_tagger", in -> "spark-" + spark(in.container())));
    add(m, Tagger.of("java_tagger", in -> "java-" + word(in.container(), "java --version", 1)));
    ALL = java.util.Collections.unmodifiableMap(m);
  }

  private BuiltInTaggers() {}

  private static void add(Map<String, Tagger> m, Tagger t) {
    m.put(t.name(), t);
  }

  /** The tagger named {@code name}, e.g. {@code python_tagger}. */
  public static Optional<Tagger> byName(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /** All names, in upstream's file order. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  private static String version(CommandRunner c, String program) {
    return c.exec(program + " --version");
  }

  private static String python(CommandRunner c) {
    return "python-" + word(c, "python --version", 1);
  }

  /** {@code exec(cmd).split()[index]}. */
  static String word(CommandRunner c, String command, int index) {
    String out = c.exec(command);
    List<String> words = PythonText.split(out);
    if (words.size() <= index) {
      throw unexpected(c, command, "want at least " + (index + 1) + " words, got: " + out);
    }
    return words.get(index);
  }

  private static String ubuntuVersion(CommandRunner c) {
    String osRelease = c.exec("cat /etc/os-release");
    for (String line : osRelease.split("\n", -1)) {
      if (line.startsWith("VERSION_ID")) {
        return "ubuntu-" + PythonText.strip(line.split("=", -1)[1], '"');
      }
    }
    throw unexpected(c, "cat /etc/os-release", "did not find ubuntu version in: " + osRelease);
  }

  /** Upstream {@code _get_pip_package_version} ({@code versions.py:12-21}). */
  static String pipVersion(CommandRunner c, String pkg) {
    String command = "pip show " + pkg;
    String[] lines = c.exec(command).split("\n", -1);
    String prefix = "Version: ";
    if (lines.length < 2 || !lines[1].startsWith(prefix)) {
      throw unexpected(c, command, "second line does not start with '" + prefix + "'");
    }
    return lines[1].substring(prefix.length());
  }

  private static String tensorflow(CommandRunner c) {
    try {
      return pipVersion(c, "tensorflow");
    } catch (TaggingException e) {
      if (e.reason() != Reason.COMMAND_FAILED && e.reason() != Reason.UNEXPECTED_OUTPUT) {
        throw e;
      }
      return pipVersion(c, "tensorflow-cpu");
    }
  }

  private static String spark(CommandRunner c) {
    String command = "spark-submit --version";
    for (String line : c.exec(command).split("\n", -1)) {
      if (line.startsWith(SPARK_VERSION_LINE)) {
        String[] parts = line.split(" ", -1);
        return parts[parts.length - 1];
      }
    }
    throw unexpected(c, command, "no line starts with '" + SPARK_VERSION_LINE + "'");
  }

  private static TaggingException unexpected(CommandRunner c, String command, String what) {
    return new TaggingException(Reason.UNEXPECTED_OUTPUT, "command `" + command + "` in " + c.image() + ": " + what,
        null, c.image(), command, null, null, null);
  }
}
