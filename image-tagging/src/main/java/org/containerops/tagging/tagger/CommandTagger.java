package org.containerops.tagging.tagger;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingException.Reason;
import org.containerops.tagging.runner.ShellWords;
import org.containerops.tagging.text.PythonText;

/**
 * A tagger defined as data in a hierarchy file (no upstream equivalent: upstream's taggers are Python
 * functions): run {@code command} in the image (split like {@code shlex}, no shell; output right-stripped as
 * every upstream command's), optionally {@code find} the first match of {@code regex} in it, and fill
 * {@code template}: {@code {0}} = the whole match (or, without regex, the whole output, stripped),
 * {@code {1}}..{@code {9}} = the regex's groups. Default template: {@code {1}} when the regex has a group,
 * else {@code {0}}. The value must be a valid tag part ({@code [A-Za-z0-9_.-]+}).
 *
 * @param name the name images refer to, e.g. {@code node_tagger}
 * @param command the command line, e.g. {@code node --version}
 * @param regex what to look for in the output, if anything
 * @param template how to make the value, e.g. {@code node-{1}}
 */
public record CommandTagger(String name, String command, Optional<Pattern> regex, String template) implements Tagger {
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException naming the field: empty or unsplittable command, a template group the
   *     regex does not have
   */
  public CommandTagger {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(regex, "regex");
    if (command == null || ShellWords.split(command).isEmpty()) {
      throw new IllegalArgumentException("command: want a command line, got " + command);
    }
    int groups = regex.map(p -> p.matcher("").groupCount()).orElse(0);
    if (template == null) {
      template = groups > 0 ? "{1}" : "{0}";
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) > groups) {
        throw new IllegalArgumentException("template: " + template + " uses {" + m.group(1) + "} but the regex has "
            + groups + " group(s)");
      }
    }
  }

  @Override
  public String value(TagInput input) {
    String out = input.container().exec(command);
    Matcher match = null;
    if (regex.isPresent()) {
      match = regex.get().matcher(out);
      if (!match.find()) {
        throw unexpected(input, "no match for /" + regex.get().pattern() + "/ in: " + abbreviate(out));
      }
    }
    StringBuilder value = new StringBuilder();
    Matcher p = PLACEHOLDER.matcher(template);
    while (p.find()) {
      int g = Integer.parseInt(p.group(1));
      String part = match == null ? PythonText.strip(out) : Objects.toString(match.group(g), "");
      p.appendReplacement(value, Matcher.quoteReplacement(part));
    }
    p.appendTail(value);
    String v = value.toString();
    if (!VALUE.matcher(v).matches()) {
      throw unexpected(input, "value '" + abbreviate(v) + "' is not a tag (want [A-Za-z0-9_.-]+); give a regex");
    }
    return v;
  }

  private TaggingException unexpected(TagInput input, String what) {
    String image = input.container().image();
    return new TaggingException(Reason.UNEXPECTED_OUTPUT, "command `" + command + "` in " + image + ": " + what,
        null, image, command, null, null, null);
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  @Override
  public String toString() {
    return name;
  }
}
