package org.containerops.dockerpkg.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;

/**
 * A minimal deb822 reader for an image's {@code control} file: paragraphs separated by blank
 * lines, {@code Field: value} lines, continuation lines starting with a space or tab, {@code #}
 * comments. Field names are case-insensitive, as in python-debian.
 */
public final class ControlFile {
  private ControlFile() {}

  /**
   * The dependencies as upstream reads them (image.py:76-90): {@code Build-Depends} then
   * {@code Depends} of every paragraph, split at commas ({@code \s*,\s*}). Version restrictions
   * are not parsed ({@code foo (>= 1)} stays one name, as upstream); unlike upstream, empty
   * entries (a trailing comma) are dropped.
   *
   * @throws DockerPkgException reason SCAN naming the file and line if unreadable or malformed
   */
  public static List<String> dependencies(Path file) {
    List<String> deps = new ArrayList<>();
    for (Map<String, String> paragraph : paragraphs(file)) {
      for (String field : List.of("build-depends", "depends")) {
        String value = paragraph.get(field);
        if (value == null) {
          continue;
        }
        for (String dep : value.split("\\s*,\\s*")) {
          if (!dep.isBlank()) {
            deps.add(dep.strip());
          }
        }
      }
    }
    return deps;
  }

  /**
   * @return the paragraphs, each a map of lower-cased field name to value (continuation lines
   *     joined with {@code \n}), in file order
   * @throws DockerPkgException reason SCAN naming the file and line if unreadable or malformed
   */
  public static List<Map<String, String>> paragraphs(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DockerPkgException(Reason.SCAN, file, "cannot read " + file + ": " + e.getMessage(), e);
    }
    List<Map<String, String>> paragraphs = new ArrayList<>();
    Map<String, String> current = null;
    String field = null;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        current = null;
        field = null;
        continue;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (field == null) {
          throw malformed(file, n, "continuation line without a field");
        }
        current.merge(field, "\n" + line, String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw malformed(file, n, "expected 'Field: value', got '" + line + "'");
      }
      if (current == null) {
        current = new LinkedHashMap<>();
        paragraphs.add(current);
      }
      field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      current.put(field, line.substring(colon + 1).strip());
    }
    return paragraphs;
  }

  private static DockerPkgException malformed(Path file, int index, String what) {
    return new DockerPkgException(Reason.SCAN, file, file + ":" + (index + 1) + ": " + what);
  }
}
