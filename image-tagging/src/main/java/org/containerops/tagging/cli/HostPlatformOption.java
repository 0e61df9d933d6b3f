package org.containerops.tagging.cli;

import org.containerops.tagging.ImageTagging;
import org.containerops.tagging.api.Platform;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --platform} of the commands that run taggers or manifests on this host (write-tags-file,
 * write-manifest): it names the platform in prefixes and file names; upstream has no such option.
 */
final class HostPlatformOption {
  @Option(names = "--platform", description = "Platform name for prefixes (default: this host's; upstream has no option).")
  String platform;

  /**
   * The tagging builder for {@code common} with this platform (null: the host's).
   *
   * @throws ParameterException (exit 2) naming a bad platform, hierarchy file or option value
   */
  ImageTagging.Builder builder(CommandSpec spec, CommonOptions common) {
    try {
      Platform p = platform == null ? null : Platform.of(platform);
      return common.builder(spec.commandLine().getErr(), p);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
