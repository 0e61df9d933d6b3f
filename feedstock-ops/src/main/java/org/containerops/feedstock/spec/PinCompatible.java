package org.containerops.feedstock.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Upstream's {@code pin_compatible} handling in check-solvable ({@code conda_forge_feedstock_ops/utils.py:558-683}):
 * {@link #apply} turns a host version into a range as conda-build's {@code apply_pin_expressions};
 * {@link #replace} rewrites {@code pin_compatible('name', ...)} requirements from the host section.
 * Versions are split on {@code .} only (conda's {@code VersionOrder} also splits letters from digits).
 */
public final class PinCompatible {
  private PinCompatible() {}

  /**
   * {@code _apply_pin_compatible(version, build, lower_bound, upper_bound, min_pin, max_pin, exact)}.
   *
   * @param lowerBound null for none; @param upperBound null for none
   * @param minPin e.g. {@code x.x.x.x.x.x} (upstream's default), null for none
   * @param maxPin e.g. {@code x} (upstream's default), null for none
   * @throws IllegalArgumentException when there is neither a version nor a lower bound
   */
  public static String apply(String version, String build, String lowerBound, String upperBound, String minPin,
      String maxPin, boolean exact) {
    if (exact) {
      return (version + " " + build).strip();
    }
    String v = lowerBound != null && !lowerBound.isEmpty() ? lowerBound : version;
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("No version or lower bound found for pin_compatible!");
    }
    if (upperBound != null && !upperBound.isEmpty()) {
      String c = minPin != null || lowerBound != null ? ">=" + v + "," : "";
      return (c + "<" + upperBound).strip();
    }
    return pinExpressions(v, minPin, maxPin).strip();
  }

  /** conda-build's {@code apply_pin_expressions}, for dot-separated versions. */
  static String pinExpressions(String version, String minPin, String maxPin) {
    List<String> flat = Arrays.asList(version.split("\\."));
    Integer lower = minPin == null || minPin.isEmpty() ? null : minPin.split("\\.").length;
    Integer upper = maxPin == null || maxPin.isEmpty() ? null : maxPin.split("\\.").length;
    if (upper != null && upper > flat.size()) {
      upper = flat.size();
    }
    List<String> out = new ArrayList<>();
    if (lower != null) {
      out.add(">=" + String.join(".", flat.subList(0, Math.min(lower, flat.size()))));
    }
    if (upper != null) {
      List<String> parts = new ArrayList<>(flat.subList(0, upper));
      boolean alpha = flat.get(Math.min(upper, flat.size() - 1)).chars().allMatch(Character::isLetter);
      parts.set(upper - 1, increment(parts.get(upper - 1), alpha));
      out.add("<" + String.join(".", parts));
    }
    return String.join(",", out);
  }

  private static String increment(String part, boolean alpha) {
    try {
      return (Long.parseLong(part) + 1) + (alpha ? "a" : ".0a0");
    } catch (NumberFormatException e) {
      return part.isEmpty() ? part : String.valueOf((char) (part.charAt(0) + 1));
    }
  }

  /**
   * {@code replace_pin_compatible(reqs, host_reqs, strict)}.
   *
   * @param reqs requirements, some of the form {@code pin_compatible('foo', max_pin='x.x') build}
   * @param hostReqs host requirements {@code name [version [build]]}
   * @param strict fail when the package or its version is missing from the host section (else the
   *     bare name, as conda-build)
   * @throws IllegalArgumentException with upstream's messages ({@code Very odd pinning: ...},
   *     {@code Build string cannot be given for pin_compatible with exact=True!})
   */
  public static List<String> replace(List<String> reqs, List<String> hostReqs, boolean strict) {
    Map<String, List<String>> host = new HashMap<>();
    for (String h : hostReqs) {
      List<String> parts = Arrays.asList(h.split(" "));
      host.put(parts.get(0), parts.subList(1, parts.size()));
    }
    List<String> out = new ArrayList<>();
    for (String req : reqs) {
      if (!req.contains("pin_compatible(")) {
        out.add(req);
        continue;
      }
      if (!req.startsWith("pin_compatible(")) {
        throw new IllegalArgumentException("Very odd pinning: " + req + "!");
      }
      int close = req.lastIndexOf(')');
      String build = close >= 0 ? req.substring(close + 1).strip() : "";
      String inner = req.substring("pin_compatible(".length(), close >= 0 ? close : req.length());
      String[] args = inner.split(",");
      String name = unquote(args[0].strip());
      List<String> hv = host.get(name);
      if (hv == null || hv.isEmpty()) {
        if (strict) {
          throw new IllegalArgumentException(hv == null
              ? "Very odd pinning: " + req + "! Package " + name + " not found in host " + host + "!"
              : "Very odd pinning: " + req + "! Package found in host but no version " + hv + "!");
        }
        out.add(build.isEmpty() ? name : name + " * " + build);
        continue;
      }
      String hostBuild = hv.size() > 1 ? hv.get(1) : "";
      if (hv.size() > 1 && !build.isEmpty() && req.toLowerCase(Locale.ROOT).contains("exact=true")) {
        throw new IllegalArgumentException("Build string cannot be given for pin_compatible with exact=True! '" + req + "'");
      }
      Map<String, String> kw = new HashMap<>();
      for (int i = 1; i < args.length; i++) {
        String[] kv = args[i].split("=", 2);
        if (kv.length == 2) {
          kw.put(kv[0].strip(), unquote(kv[1].strip()));
        }
      }
      String pin = apply(hv.get(0), hostBuild, kw.get("lower_bound"), kw.get("upper_bound"),
          kw.getOrDefault("min_pin", "x.x.x.x.x.x"), kw.getOrDefault("max_pin", "x"),
          "true".equalsIgnoreCase(kw.get("exact")));
      out.add((name + " " + pin + " " + build).strip());
    }
    return out;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
