package org.containerops.dockerpkg.changelog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.dockerpkg.api.DebianVersion;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;

/**
 * A Debian changelog as docker-pkg uses it (upstream image.py:73-96 reads the first entry with
 * python-debian; image.py:116-137 prepends one). The parser is small and tolerant like
 * python-debian's non-strict mode, except that the first non-blank line must be a valid header
 * with a valid Debian version: that entry names and tags the image.
 *
 * @param leadingBlankLines blank lines before the first entry
 * @param entries entries, newest (top) first, never empty
 */
public record Changelog(int leadingBlankLines, List<ChangelogEntry> entries) {
  /** python-debian's header pattern: {@code name (version) dist [dist…];metadata}. */
  private static final Pattern HEADER = Pattern.compile(
      "^(\\w[-+0-9a-z.]*) \\(([^() \\t]+)\\) ([-+0-9a-z.]+(?:\\s+[-+0-9a-z.]+)*);(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILER = Pattern.compile("^ -- (.*>)( +)(\\S.*)$");

  public Changelog {
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("entries: a changelog has at least one entry");
    }
  }

  /** @return the first (newest) entry: its package is the image name, its version the tag */
  public ChangelogEntry latest() {
    return entries.get(0);
  }

  /**
   * Reads and parses a changelog file.
   *
   * @throws DockerPkgException reason SCAN naming the file (and line) if it cannot be read, has
   *     no entry, or its first entry has a malformed header or an invalid version
   */
  public static Changelog read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DockerPkgException(Reason.SCAN, file, "cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file);
  }

  /**
   * Reads only as far as the first entry's trailer line and returns that entry: what a scan needs
   * (the corpus's changelogs hold 83 000 lines, nearly all of them older entries). Same errors as
   * {@link #read(Path)} for the first entry; the entry's lines after its trailer are not read.
   *
   * @throws DockerPkgException reason SCAN as {@link #read(Path)}
   */
  public static ChangelogEntry readLatest(Path file) {
    StringBuilder head = new StringBuilder();
    try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        head.append(line).append('\n');
        if (line.startsWith(" -- ") && TRAILER.matcher(line).matches()) {
          break;
        }
      }
    } catch (IOException e) {
      throw new DockerPkgException(Reason.SCAN, file, "cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(head.toString(), file).latest();
  }

  /**
   * Parses changelog text; see {@link #read(Path)}.
   *
   * @param file used in error messages only, may be null
   */
  public static Changelog parse(String text, Path file) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);  // the text ended with a newline (or was empty)
    }
    int i = 0;
    while (i < lines.size() && lines.get(i).isEmpty()) {
      i++;
    }
    int leading = i;
    String where = file == null ? "changelog" : file.toString();
    if (i == lines.size()) {
      throw new DockerPkgException(Reason.SCAN, file, where + ": no changelog entry found");
    }
    List<ChangelogEntry> entries = new ArrayList<>();
    while (i < lines.size()) {
      Matcher h = HEADER.matcher(lines.get(i));
      if (!h.matches()) {
        throw new DockerPkgException(Reason.SCAN, file, where + ":" + (i + 1)
            + ": expected 'name (version) distribution; urgency=…', got '" + lines.get(i) + "'");
      }
      if (entries.isEmpty() && !DebianVersion.isValid(h.group(2))) {
        throw new DockerPkgException(Reason.SCAN, file, where + ":" + (i + 1)
            + ": '" + h.group(2) + "' is not a valid Debian version");
      }
      i++;
      List<String> changes = new ArrayList<>();
      Matcher t = null;
      while (i < lines.size() && !HEADER.matcher(lines.get(i)).matches()) {
        Matcher m = TRAILER.matcher(lines.get(i++));
        if (m.matches()) {
          t = m;
          break;
        }
        changes.add(lines.get(i - 1));
      }
      List<String> trailing = new ArrayList<>();
      while (t != null && i < lines.size() && !HEADER.matcher(lines.get(i)).matches()) {
        trailing.add(lines.get(i++));
      }
      entries.add(new ChangelogEntry(h.group(1), h.group(2), h.group(3), h.group(4), changes,
          t == null ? null : t.group(1), t == null ? "" : t.group(2), t == null ? "" : t.group(3), trailing));
    }
    return new Changelog(leading, entries);
  }

  /** @return the whole changelog, every line ending in {@code \n} (a missing final newline is added) */
  public String format() {
    StringBuilder out = new StringBuilder("\n".repeat(leadingBlankLines));
    entries.forEach(e -> out.append(e.format()));
    return out.toString();
  }

  /**
   * What upstream writes for an update: {@code entry} on top, then the old text byte for byte,
   * plus a final newline if it had none.
   */
  public static String prepend(String oldText, ChangelogEntry entry) {
    Objects.requireNonNull(oldText, "oldText");
    return entry.format() + oldText + (oldText.isEmpty() || oldText.endsWith("\n") ? "" : "\n");
  }
}
