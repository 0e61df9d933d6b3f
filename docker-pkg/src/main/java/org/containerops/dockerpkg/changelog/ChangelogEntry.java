package org.containerops.dockerpkg.changelog;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a Debian changelog, kept exactly enough to write it back byte for byte:
 *
 * <pre>
 * {package} ({version}) {distributions};{metadata}
 * {changes…}
 *  -- {author}{separator}{date}
 * {trailing…}
 * </pre>
 *
 * @param packageName the source package, here the image's short name
 * @param version the version as written (not validated here)
 * @param distributions distributions as written, e.g. {@code wikimedia}
 * @param metadata the text after the semicolon, e.g. {@code " urgency=medium"}
 * @param changes the lines between header and trailer, verbatim (blank lines included)
 * @param author {@code Name <email>}, or null for an entry without a {@code  -- } trailer
 * @param separator the spaces between author and date (normally two)
 * @param date the date as written
 * @param trailing lines after the trailer up to the next entry (normally one blank line)
 */
public record ChangelogEntry(String packageName, String version, String distributions, String metadata,
    List<String> changes, String author, String separator, String date, List<String> trailing) {

  public ChangelogEntry {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(distributions, "distributions");
    Objects.requireNonNull(metadata, "metadata");
    changes = List.copyOf(changes);
    trailing = List.copyOf(trailing);
  }

  /**
   * A new entry in upstream's exact shape (python-debian {@code new_block} as called by upstream
   * image.py:116-137): a blank line, every reason line indented by three spaces, a blank line,
   * the trailer with two spaces before the date, then a blank line.
   *
   * @param reason one or more lines separated by {@code \n}
   */
  public static ChangelogEntry create(String packageName, String version, String distribution,
      String reason, String author, String date) {
    List<String> changes = new java.util.ArrayList<>();
    changes.add("");
    for (String line : reason.split("\n", -1)) {
      changes.add("   " + line);
    }
    changes.add("");
    return new ChangelogEntry(packageName, version, distribution, " urgency=high", changes,
        Objects.requireNonNull(author, "author"), "  ", Objects.requireNonNull(date, "date"), List.of(""));
  }

  /** @return the header line, without newline */
  public String header() {
    return packageName + " (" + version + ") " + distributions + ";" + metadata;
  }

  /** @return the entry's text, every line ending in {@code \n} */
  public String format() {
    StringBuilder out = new StringBuilder(header()).append('\n');
    changes.forEach(l -> out.append(l).append('\n'));
    if (author != null) {
      out.append(" -- ").append(author).append(separator).append(date).append('\n');
    }
    trailing.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
