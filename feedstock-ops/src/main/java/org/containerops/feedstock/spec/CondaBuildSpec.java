package org.containerops.feedstock.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream's {@code convert_spec_to_conda_build} ({@code conda_forge_feedstock_ops/utils.py:199-252}):
 * normalizes a requirement such as {@code numpy =1.0} to conda-build's form {@code numpy 1.0.*},
 * adding {@code .*} to every bare version in an {@code ,}/{@code |} expression. Handles the
 * {@code name [version [build]]} form (spaces around operators allowed), not the bracket syntax.
 */
public final class CondaBuildSpec {
  /** Prefixes that keep a version part as it is ({@code REQ_START_NOSTAR}). */
  private static final List<String> NO_STAR = List.of("!=", "==", ">", "<", ">=", "<=", "~=");
  private static final Pattern AROUND_SEPARATORS = Pattern.compile("\\s*([,|])\\s*");
  private static final Pattern AFTER_OPERATOR = Pattern.compile("(^|[,|])(==|!=|>=|<=|~=|>|<|=)\\s+");

  private CondaBuildSpec() {}

  /**
   * @param spec e.g. {@code blah >=1.1|5| >=5 , <10 |19.0}
   * @return e.g. {@code blah >=1.1|5.*|>=5,<10|19.0.*}
   * @throws IllegalArgumentException for an empty spec, or a build string without a version
   *     (upstream: {@code RuntimeError("spec '...' has build but not version!")})
   */
  public static String convert(String spec) {
    String s = spec.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("spec: empty");
    }
    String[] nameRest = s.split("\\s+", 2);
    String name = nameRest[0];
    if (nameRest.length == 1) {
      return name;
    }
    String rest = AROUND_SEPARATORS.matcher(nameRest[1].strip()).replaceAll("$1");
    rest = AFTER_OPERATOR.matcher(rest).replaceAll("$1$2");
    String[] versionBuild = rest.split("\\s+", 2);
    String version = versionBuild[0];
    String build = versionBuild.length == 2 ? versionBuild[1].strip() : "";
    if (version.isEmpty() && !build.isEmpty()) {
      throw new IllegalArgumentException("spec '" + spec + "' has build but not version!");
    }
    StringBuilder out = new StringBuilder(name);
    if (!version.isEmpty()) {
      out.append(' ').append(version.equals("*") ? "*" : mungeStar(version));
    }
    if (!build.isEmpty()) {
      out.append(' ').append(build);
    }
    return out.toString();
  }

  /** {@code _munge_req_star}: {@code .*} on each bare part, a leading {@code =} dropped. */
  static String mungeStar(String req) {
    StringBuilder out = new StringBuilder();
    String[] commas = req.split(",", -1);
    for (int ic = 0; ic < commas.length; ic++) {
      String[] bars = commas[ic].split("\\|", -1);
      for (int ip = 0; ip < bars.length; ip++) {
        String pp = normalizeStar(bars[ip].strip());
        if (NO_STAR.stream().anyMatch(pp::startsWith) || pp.contains("*")) {
          out.append(pp);
        } else {
          out.append(pp.startsWith("=") ? pp.substring(1) : pp).append(".*");
        }
        if (ip != bars.length - 1) {
          out.append('|');
        }
      }
      if (ic != commas.length - 1) {
        out.append(',');
      }
    }
    return out.toString();
  }

  /** conda's version parsing reads {@code 1.1*} as {@code 1.1.*} and {@code =1.1} as {@code 1.1.*}. */
  private static String normalizeStar(String part) {
    String p = part.startsWith("=") && !part.startsWith("==") ? part.substring(1) + (part.endsWith("*") ? "" : ".*") : part;
    if (p.endsWith("*") && !p.endsWith(".*") && p.length() > 1 && Character.isLetterOrDigit(p.charAt(p.length() - 2))) {
      p = p.substring(0, p.length() - 1) + ".*";
    }
    return p;
  }
}
