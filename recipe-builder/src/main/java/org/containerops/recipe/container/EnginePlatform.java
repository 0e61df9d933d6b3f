package org.containerops.recipe.container;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;
import org.containerops.recipe.api.RecipeBuilderException;
import org.containerops.recipe.api.RecipeBuilderException.Reason;
import org.containerops.runtime.engine.Engine;

/**
 * The conda subdir of the engine's architecture: builds run on the engine, so that is the platform
 * packages are built for (upstream used the host's {@code conda_exports.subdir}, so a Mac host said
 * {@code osx-64} for a Linux build, B10, bioconda-utils#624).
 */
public final class EnginePlatform {
  private static final Map<String, String> SUBDIRS = Map.of(
      "x86_64", "linux-64", "amd64", "linux-64", "aarch64", "linux-aarch64", "arm64", "linux-aarch64",
      "ppc64le", "linux-ppc64le", "s390x", "linux-s390x");

  private EnginePlatform() {}

  /** The subdir for an engine architecture name ({@code x86_64} → {@code linux-64}). */
  public static String subdir(String architecture) {
    String s = SUBDIRS.get(architecture);
    if (s == null) {
      throw new RecipeBuilderException(Reason.ENGINE, "unsupported engine architecture '" + architecture + "'");
    }
    return s;
  }

  /** Asks the engine. @throws RecipeBuilderException {@link Reason#ENGINE} when it does not answer */
  public static String subdir(DockerClient client) {
    try {
      return subdir(client.infoCmd().exec().getArchitecture());
    } catch (RecipeBuilderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RecipeBuilderException(Reason.ENGINE, "cannot read the engine's architecture: "
          + Engine.rootMessage(e), e);
    }
  }
}
