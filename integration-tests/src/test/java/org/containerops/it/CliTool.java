package org.containerops.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tools under test, each as its published executable jar ({@code <module>-<version>-cli.jar}).
 * The failsafe configuration passes each jar's path as the system property
 * {@code containerops.it.jar.<module>}; the tests run the jars as processes and never link them.
 */
enum CliTool {
  DOCKER_PKG("docker-pkg"),
  IMAGE_TAGGING("image-tagging"),
  RECIPE_BUILDER("recipe-builder"),
  OCI_MIRROR("oci-mirror"),
  FEEDSTOCK_OPS("feedstock-ops");

  private final String module;

  CliTool(String module) {
    this.module = module;
  }

  /** The Maven module (and the CLI's name in messages). */
  String module() {
    return module;
  }

  /**
   * The jar to run.
   *
   * @throws IllegalStateException when the property is unset or the jar was not built, naming the
   *     command that builds it
   */
  Path jar() {
    String value = System.getProperty("containerops.it.jar." + module);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property containerops.it.jar." + module
          + " is not set; run the tests with mvn -f integration-tests/pom.xml verify");
    }
    Path jar = Path.of(value).normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(module + " CLI jar not found at " + jar
          + "; build it first: mvn -q -f " + module + "/pom.xml install -DskipTests");
    }
    return jar;
  }
}
