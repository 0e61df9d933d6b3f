package org.containerops.tagging.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.runner.CommandRunner;
import org.containerops.tagging.runner.OrderedTasks;
import org.containerops.tagging.text.PythonText;

/**
 * What an image has installed, listed by its own package managers inside its container: apt packages
 * ({@code dpkg-query}), conda packages ({@code conda list --json}, else {@code mamba list --json}) and pip
 * packages conda did not install ({@code pip list --format json}). A package manager the image does not
 * have (exec exit 126/127, "executable file not found") gives an empty section and is recorded in
 * {@link #tools()}; one that is there but fails or prints something else is an error.
 *
 * @param apt installed Debian/Ubuntu packages, dpkg's order
 * @param conda conda packages (PyPI entries excluded), the tool's order
 * @param pip pip packages not installed by conda, pip's order
 * @param tools each package manager tried → {@code true} when the image has it (sorted by name)
 */
public record SbomInventory(List<SbomPackage> apt, List<SbomPackage> conda, List<SbomPackage> pip,
    Map<String, Boolean> tools) {
  /** The dpkg command line (split like shlex, no shell). */
  public static final String DPKG_COMMAND = "dpkg-query -W '--showformat=" + PackageLists.DPKG_FORMAT + "'";
  /** pip's listing command. */
  public static final String PIP_COMMAND = "pip list --format json";

  /** Copies the collections. */
  public SbomInventory {
    apt = List.copyOf(apt);
    conda = List.copyOf(conda);
    pip = List.copyOf(pip);
    tools = java.util.Collections.unmodifiableMap(new TreeMap<>(tools));
  }

  /**
   * Lists the packages of the image {@code c} runs in, up to {@code parallelism} commands at once.
   *
   * @throws TaggingException {@code COMMAND_FAILED} or {@code UNEXPECTED_OUTPUT} naming the command when a
   *     package manager that is present fails or prints no parsable listing
   */
  public static SbomInventory collect(CommandRunner c, int parallelism) {
    List<Supplier<Optional<String>>> tasks = new ArrayList<>();
    tasks.add(() -> optional(c, "cat /etc/os-release"));
    tasks.add(() -> optional(c, DPKG_COMMAND));
    tasks.add(() -> optional(c, "conda list --json"));
    tasks.add(() -> optional(c, PIP_COMMAND));
    List<Optional<String>> out = OrderedTasks.run(tasks, parallelism);
    Map<String, Boolean> tools = new TreeMap<>();
    tools.put("dpkg-query", out.get(1).isPresent());
    tools.put("conda", out.get(2).isPresent());
    tools.put("pip", out.get(3).isPresent());
    Optional<String> condaList = out.get(2);
    if (condaList.isEmpty()) {
      condaList = optional(c, "mamba list --json");
      tools.put("mamba", condaList.isPresent());
    }
    String osRelease = out.get(0).orElse("");
    List<SbomPackage> apt = parse(c, DPKG_COMMAND, () -> out.get(1).map(o -> PackageLists.dpkg(o,
        osReleaseField(osRelease, "ID").orElse("debian"), osReleaseField(osRelease, "VERSION_ID").orElse("")))
        .orElse(List.of()));
    String condaCommand = tools.get("conda") ? "conda list --json" : "mamba list --json";
    Optional<String> condaOut = condaList;
    List<SbomPackage> conda = parse(c, condaCommand, () -> condaOut.map(PackageLists::conda).orElse(List.of()));
    Set<String> byConda = parse(c, condaCommand, () -> condaOut.map(PackageLists::condaNames).orElse(Set.of()));
    List<SbomPackage> pip = parse(c, PIP_COMMAND, () -> out.get(3).map(o -> PackageLists.pip(o, byConda))
        .orElse(List.of()));
    return new SbomInventory(apt, conda, pip, tools);
  }

  /** The value of {@code key=} in os-release text, unquoted ({@code "12"} → {@code 12}). */
  static Optional<String> osReleaseField(String osRelease, String key) {
    for (String line : PythonText.splitlines(osRelease)) {
      if (line.startsWith(key + "=")) {
        String v = PythonText.strip(PythonText.strip(line.substring(key.length() + 1)), '"');
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The command's output, or empty when the image has no such program. */
  private static Optional<String> optional(CommandRunner c, String command) {
    try {
      return Optional.of(c.exec(command));
    } catch (TaggingException e) {
      if (e.reason() == Reason.COMMAND_FAILED && isMissingProgram(e)) {
        return Optional.empty();
      }
      if (command.startsWith("cat ")) {
        return Optional.empty(); // no /etc/os-release: purls fall back to the debian namespace
      }
      throw e;
    }
  }

  /** Exec of a program that is not there: runc's exit 126/127 and "executable file not found" message. */
  static boolean isMissingProgram(TaggingException e) {
    String out = e.output().orElse("");
    return e.exitCode().map(x -> x == 126 || x == 127).orElse(false)
        || out.contains("executable file not found") || out.contains("no such file or directory");
  }

  private static <T> T parse(CommandRunner c, String command, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new TaggingException(Reason.UNEXPECTED_OUTPUT, "command `" + command + "` in " + c.image() + ": "
          + e.getMessage(), null, c.image(), command, null, null, e);
    }
  }
}
