package org.containerops.feedstock.sandbox;

/**
 * The container operations, with upstream's CLI names ({@code conda_forge_feedstock_ops/__main__.py:379-466})
 * and what each needs from the sandbox.
 */
public enum Operation {
  /** conda-smithy rerender: downloads the pinnings, so it needs outbound network; mount read-write. */
  RERENDER("rerender", true, false),
  /** Native in this port; offline, read-only. */
  PARSE_NAMES("parse-package-and-feedstock-names", false, true),
  /** conda-smithy's linter; offline here (upstream runs it with network), read-only. */
  LINT("lint", false, true),
  /** Solver against live repodata: needs outbound network; read-only. */
  CHECK_SOLVABLE("check-solvable", true, true);

  private final String cliName;
  private final boolean needsNetwork;
  private final boolean readOnlyMount;

  Operation(String cliName, boolean needsNetwork, boolean readOnlyMount) {
    this.cliName = cliName;
    this.needsNetwork = needsNetwork;
    this.readOnlyMount = readOnlyMount;
  }

  /** Upstream's sub-command name. */
  public String cliName() {
    return cliName;
  }

  /** True when production needs outbound access (pinnings, repodata). */
  public boolean needsNetwork() {
    return needsNetwork;
  }

  /** True when the mount is read-only (upstream: all but rerender). */
  public boolean readOnlyMount() {
    return readOnlyMount;
  }
}
