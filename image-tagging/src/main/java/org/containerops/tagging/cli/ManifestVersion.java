package org.containerops.tagging.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Implementation-Version of the jar the CLI runs from. */
public final class ManifestVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Package p = ManifestVersion.class.getPackage();
    String version = p == null ? null : p.getImplementationVersion();
    return new String[] {"image-tagging " + (version == null ? "(development build)" : version)};
  }
}
