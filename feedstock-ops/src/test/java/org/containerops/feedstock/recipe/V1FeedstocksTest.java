package org.containerops.feedstock.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.containerops.feedstock.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The v1 test feedstocks (src/test/resources/.../feedstocks), each expected result worked out by hand
 * from the recipe and its .ci_support files; the reasoning per variant is in the comments.
 */
class V1FeedstocksTest {

  @Test
  void stagingOutputFeedsManyOutputsAndIsNoPackage() {
    // quarry-build is a staging output: no name. soname = lib + quarry + major("2.4.1") = libquarry2.
    // linux-64, linux-aarch64, osx-arm64: libquarry2, quarry-headers, quarry-tools, quarry
    // win-64: quarry-tools skipped (skip: win); the if: win output adds quarry-win-shim
    ParsedNames n = FeedstockNamesParser.parse(Fixtures.testFeedstock("v1-staging-feedstock"));
    assertEquals("quarry-split", n.feedstockName());  // no extra.feedstock-name: recipe.name
    assertEquals(Set.of("libquarry2", "quarry-headers", "quarry-tools", "quarry-win-shim", "quarry"), n.packageNames());
    assertEquals(Set.of("linux-64", "linux-aarch64", "osx-arm64", "win-64"), n.subdirs());
  }

  @Test
  void winOnlyOutputAppearsOnlyInTheWindowsVariant() {
    V1Recipe r = V1Recipe.load(Fixtures.testFeedstock("v1-staging-feedstock").resolve("recipe/recipe.yaml"));
    assertEquals(java.util.List.of("libquarry2", "quarry-headers", "quarry-win-shim", "quarry"),
        r.render(java.util.Map.of("target_platform", "win-64"), "win-64", "win-64").packageNames());
    assertEquals(java.util.List.of("libquarry2", "quarry-headers", "quarry-tools", "quarry"),
        r.render(java.util.Map.of("target_platform", "linux-aarch64"), "linux-aarch64", "linux-64").packageNames());
  }

  @Test
  void nestedSelectorsContextChainsAndFunctionsPerVariant() {
    // context: flavor = cpu unless cuda_compiler_version is set and not None; variant_name = pylattice-<flavor>
    // linux-64 cuda None py3.11: liblattice, pylattice-cpu, lattice-unix-cli, lattice-linux-cpu-extras, lattice-env-plain
    // linux-64 cuda 12.6 py3.12: liblattice, pylattice-cuda, lattice-unix-cli, lattice-linux-gpu-extras, lattice-env-plain
    // osx-64 py3.12 (no cuda key, is_unset): liblattice (match(3.12, "<3.11") false), pylattice-cpu,
    //   lattice-unix-cli, lattice-macos-extras (skip only if python < 3.12), lattice-env-plain
    // win-64 py3.10: liblattice; pylattice-cpu skipped (not >=3.11); no unix outputs;
    //   lattice-env-plain skipped (win and 3.10.*); env.get gives its default "plain"
    ParsedNames n = FeedstockNamesParser.parse(Fixtures.testFeedstock("v1-selectors-feedstock"));
    assertEquals("lattice", n.feedstockName());
    assertEquals(Set.of("liblattice", "pylattice-cpu", "pylattice-cuda", "lattice-unix-cli", "lattice-linux-cpu-extras",
        "lattice-linux-gpu-extras", "lattice-macos-extras", "lattice-env-plain"), n.packageNames());
    assertEquals(Set.of("linux-64", "osx-64", "win-64"), n.subdirs());
  }

  @Test
  void singlePackageNameDiffersPerVariant() {
    // name = hdfish + ("" for nompi else "-<mpi>"); top-level skip: osx and openmpi
    // linux-64: hdfish, hdfish-openmpi, hdfish-mpich; osx-arm64: hdfish (openmpi skipped);
    // osx-64 has only openmpi: everything skipped, so osx-64 is not a subdir; win-64: hdfish-impi
    ParsedNames n = FeedstockNamesParser.parse(Fixtures.testFeedstock("v1-per-variant-feedstock"));
    assertEquals("hdfish", n.feedstockName());
    assertEquals(Set.of("hdfish", "hdfish-openmpi", "hdfish-mpich", "hdfish-impi"), n.packageNames());
    assertEquals(Set.of("linux-64", "osx-arm64", "win-64"), n.subdirs());
  }
}
