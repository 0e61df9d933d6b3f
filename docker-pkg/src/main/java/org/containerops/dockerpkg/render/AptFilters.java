package org.containerops.dockerpkg.render;

/**
 * The text of upstream's {@code apt_install} and {@code apt_remove} filters (dockerfile.py:96-139),
 * byte for byte, including their odd whitespace: the double space when {@code apt_options} is
 * empty, the trailing space, and {@code apt_remove}'s {@code "  && \\apt-get"} with a proxy.
 * Upstream renders them as lenient nested templates: values print with Python's {@code str()},
 * and the proxy test is Python truthiness.
 */
public final class AptFilters {
  private static final String CLEAN = "    && apt-get clean && rm -rf /var/lib/apt/lists/* ";
  private static final String RM_PROXY = "    && rm -f /etc/apt/apt.conf.d/80_proxy \\\n";

  private AptFilters() {}

  /**
   * @param packages package names; newlines become spaces. Must be a string (upstream calls
   *     {@code .replace} on it)
   * @param aptOnlyProxy config {@code apt_only_proxy} (any value; falsy means no proxy)
   * @param aptOptions config {@code apt_options} (any value, printed with {@code str()})
   * @return e.g. {@code "apt-get update  \\\n    && DEBIAN_FRONTEND=noninteractive \\\n    apt-get
   *     install  --yes a b --no-install-recommends \\\n    && apt-get clean && rm -rf
   *     /var/lib/apt/lists/* "}
   * @throws IllegalArgumentException if {@code packages} is not a string
   */
  public static String install(Object packages, Object aptOnlyProxy, Object aptOptions) {
    if (!(packages instanceof String)) {
      throw new IllegalArgumentException("apt_install: want a string of package names, got " + PythonStr.repr(packages));
    }
    String pkgs = ((String) packages).replace("\n", " ");
    String options = PythonStr.str(aptOptions);
    boolean proxy = PythonStr.truthy(aptOnlyProxy);
    StringBuilder out = new StringBuilder();
    if (proxy) {
      out.append(echoProxy(aptOnlyProxy)).append(" \\\n    && ");
    }
    out.append("apt-get update ").append(options).append(" \\\n")
        .append("    && DEBIAN_FRONTEND=noninteractive \\\n")
        .append("    apt-get install ").append(options).append(" --yes ").append(pkgs)
        .append(" --no-install-recommends \\\n");
    if (proxy) {
      out.append(RM_PROXY);
    }
    return out.append(CLEAN).toString();
  }

  /**
   * @param packages printed with {@code str()}, newlines kept (upstream does not replace them)
   * @param aptOnlyProxy config {@code apt_only_proxy}
   * @return e.g. {@code "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get remove --yes
   *     --purge a b \\\n    && apt-get clean && rm -rf /var/lib/apt/lists/* "}
   */
  public static String remove(Object packages, Object aptOnlyProxy) {
    boolean proxy = PythonStr.truthy(aptOnlyProxy);
    StringBuilder out = new StringBuilder();
    if (proxy) {
      out.append(echoProxy(aptOnlyProxy)).append("  && \\");
    }
    out.append("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get remove --yes --purge ")
        .append(PythonStr.str(packages)).append(" \\\n");
    if (proxy) {
      out.append(RM_PROXY);
    }
    return out.append(CLEAN).toString();
  }

  private static String echoProxy(Object proxy) {
    return "echo 'Acquire::http::Proxy \"" + PythonStr.str(proxy) + "\";' > /etc/apt/apt.conf.d/80_proxy";
  }
}
