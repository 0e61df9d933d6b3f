package org.containerops.feedstock.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Options of {@code check-solvable} ({@code conda_forge_feedstock_ops/check_solvable.py:44-126}). Every
 * one is forwarded to the solver (upstream's container side drops {@code solver} and
 * {@code fail_fast}, {@code __main__.py:362-370}).
 *
 * @param feedstockDir the feedstock root
 * @param additionalChannels channels put before the defaults, in order; may be empty
 * @param timeout solver timeout (whole seconds are forwarded); upstream's default 600 s
 * @param buildPlatform {@code conda-forge.yml}'s {@code build_platform} map, sorted; may be empty
 * @param solver solver backend, default {@code rattler}
 * @param failFast stop at the first failing variant
 */
public record CheckSolvableSpec(Path feedstockDir, List<String> additionalChannels, Duration timeout,
    Map<String, String> buildPlatform, String solver, boolean failFast) {
  /** Upstream's default solver timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

  /** @throws IllegalArgumentException naming the field that is invalid */
  public CheckSolvableSpec {
    Objects.requireNonNull(feedstockDir, "feedstockDir");
    additionalChannels = List.copyOf(additionalChannels);
    additionalChannels.forEach(c -> {
      if (c.isBlank() || c.contains(",")) {
        throw new IllegalArgumentException("additionalChannels: want channel names without ',', got '" + c + "'");
      }
    });
    if (timeout == null || timeout.toSeconds() < 1) {
      throw new IllegalArgumentException("timeout: want at least 1 second, got " + timeout);
    }
    buildPlatform = Collections.unmodifiableSortedMap(new TreeMap<>(buildPlatform));
    if (solver == null || solver.isBlank()) {
      throw new IllegalArgumentException("solver: give a solver name, e.g. rattler");
    }
  }

  /** A builder with upstream's defaults. */
  public static Builder builder(Path feedstockDir) {
    return new Builder(feedstockDir);
  }

  /** Builds a {@link CheckSolvableSpec}. */
  public static final class Builder {
    private final Path feedstockDir;
    private final List<String> channels = new ArrayList<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private final Map<String, String> buildPlatform = new TreeMap<>();
    private String solver = "rattler";
    private boolean failFast;

    private Builder(Path feedstockDir) {
      this.feedstockDir = feedstockDir;
    }

    /** Adds channels searched before the defaults. */
    public Builder additionalChannels(List<String> c) {
      channels.addAll(c);
      return this;
    }

    /** The solver timeout. */
    public Builder timeout(Duration t) {
      timeout = t;
      return this;
    }

    /** {@code conda-forge.yml}'s {@code build_platform}, e.g. {@code linux_aarch64 -> linux_64}. */
    public Builder buildPlatform(Map<String, String> m) {
      buildPlatform.putAll(m);
      return this;
    }

    /** The solver backend. */
    public Builder solver(String s) {
      solver = s;
      return this;
    }

    /** Stop at the first failure. */
    public Builder failFast(boolean f) {
      failFast = f;
      return this;
    }

    /** @throws IllegalArgumentException naming the invalid field */
    public CheckSolvableSpec build() {
      return new CheckSolvableSpec(feedstockDir, channels, timeout, buildPlatform, solver, failFast);
    }
  }
}
