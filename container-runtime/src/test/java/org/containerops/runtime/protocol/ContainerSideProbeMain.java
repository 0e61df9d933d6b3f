package org.containerops.runtime.protocol;

import java.util.Map;
import java.util.Set;

/**
 * Test-only program run inside the {@code containerops/test-jre} image by {@link ContainerSideIT}:
 * {@code ok} returns a map with a set, {@code fail} throws, {@code chatty} prints to System.out while it
 * works. Not part of the product.
 */
public final class ContainerSideProbeMain {
  private ContainerSideProbeMain() {}

  public static void main(String[] args) {
    String op = args.length == 0 ? "ok" : args[0];
    ContainerSide.respondAndExit(Map.of("op", op), () -> switch (op) {
      case "ok" -> Map.of("feedstock_name", "llvmdev", "subdirs", Set.of("linux-64", "osx-64"));
      case "chatty" -> {
        System.out.println("Solving environment: done");
        System.out.print("partial line without newline");
        yield Map.of("clean", true);
      }
      case "fail" -> throw new IllegalArgumentException("recipe/meta.yaml: 'package' is missing");
      default -> throw new UnsupportedOperationException(op);
    });
  }
}
