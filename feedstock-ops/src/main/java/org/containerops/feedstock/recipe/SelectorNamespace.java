package org.containerops.feedstock.recipe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names a {@code # [selector]} or recipe template sees for one variant, after conda-build's
 * {@code ns_cfg} ({@code conda_build/metadata.py}): {@code linux}, {@code osx}, {@code win},
 * {@code unix}, {@code linux32}, {@code linux64}, {@code win32}, {@code win64}, {@code x86},
 * {@code x86_64}, {@code aarch64}, {@code ppc64le}, {@code arm64}, {@code armv7l}, {@code s390x},
 * {@code py} (e.g. 312), {@code py3k}, {@code py2k}, {@code np} (e.g. 122), {@code target_platform},
 * {@code build_platform}, plus every variant key.
 */
final class SelectorNamespace {
  private SelectorNamespace() {}

  /**
   * @param variant the variant's values (may be empty)
   * @param subdir the target subdir, e.g. {@code linux-aarch64}
   * @param buildSubdir the build subdir (from {@code conda-forge.yml} {@code build_platform}), e.g. {@code linux-64}
   */
  static Map<String, Object> of(Map<String, String> variant, String subdir, String buildSubdir) {
    Map<String, Object> ns = new LinkedHashMap<>(variant);
    int dash = subdir.indexOf('-');
    String platform = dash < 0 ? subdir : subdir.substring(0, dash);
    String arch = dash < 0 ? "" : subdir.substring(dash + 1);
    boolean linux = platform.equals("linux");
    boolean osx = platform.equals("osx");
    boolean win = platform.equals("win");
    ns.put("linux", linux);
    ns.put("osx", osx);
    ns.put("win", win);
    ns.put("unix", linux || osx);
    ns.put("linux32", linux && arch.equals("32"));
    ns.put("linux64", linux && arch.equals("64"));
    ns.put("win32", win && arch.equals("32"));
    ns.put("win64", win && arch.equals("64"));
    ns.put("x86", arch.equals("32") || arch.equals("64"));
    ns.put("x86_64", arch.equals("64"));
    for (String a : new String[] {"aarch64", "ppc64le", "arm64", "armv7l", "armv6l", "s390x"}) {
      ns.put(a, arch.equals(a));
    }
    ns.put("target_platform", subdir);
    ns.put("build_platform", buildSubdir);
    ns.put("environ", Map.of());
    String python = variant.get("python");
    if (python != null) {
      int py = versionNumber(python);
      ns.put("py", py);
      ns.put("py3k", py >= 30);
      ns.put("py2k", py >= 20 && py < 30);
    }
    String numpy = variant.get("numpy");
    if (numpy != null) {
      ns.put("np", versionNumber(numpy));
    }
    return ns;
  }

  /** {@code 3.12.*} gives 312, as conda-build's {@code int(''.join(ver.split('.')[:2]))}. */
  static int versionNumber(String version) {
    String[] parts = version.strip().split("[ .*]+");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(2, parts.length); i++) {
      b.append(parts[i].replaceAll("[^0-9]", ""));
    }
    try {
      return b.length() == 0 ? 0 : Integer.parseInt(b.toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
