package org.containerops.recipe.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.containerops.recipe.container.BuildContainer;
import org.containerops.recipe.staging.HostUser;
import org.containerops.recipe.staging.Staging;

/**
 * The placeholder values of the build-script and build-command templates. Our names:
 * {@code {staging}}, {@code {recipe}}, {@code {output}}, {@code {script}} (container paths),
 * {@code {build_args}} (shell-quoted), {@code {arch}} ({@code noarch} or the engine's subdir),
 * {@code {pkg_format}}, {@code {uid}}, {@code {gid}}; upstream's names as aliases
 * ({@code docker_utils.py:87-128}): {@code {self.container_staging}}, {@code {self.container_recipe}},
 * {@code {self.conda_build_args}}, {@code {self.conda_pkg_format}}, {@code {self.user_info[uid]}}.
 * The build-script template also gets {@code {build_command}}.
 */
public final class ScriptValues {
  private ScriptValues() {}

  /** The values for one build; a new mutable map. */
  public static Map<String, String> of(String subdir, HostUser user, String pkgFormat, List<String> buildArgs,
      boolean noarch) {
    Map<String, String> v = new HashMap<>();
    v.put("staging", Staging.CONTAINER_PATH);
    v.put("recipe", BuildContainer.RECIPE_PATH);
    v.put("output", BuildContainer.OUTPUT_PATH);
    v.put("script", BuildContainer.SCRIPT_PATH);
    v.put("build_args", ShellQuote.join(buildArgs));
    v.put("arch", noarch ? "noarch" : subdir);
    v.put("pkg_format", pkgFormat);
    v.put("uid", Integer.toString(user.uid()));
    v.put("gid", Integer.toString(user.gid()));
    v.put("self.container_staging", v.get("staging"));
    v.put("self.container_recipe", v.get("recipe"));
    v.put("self.conda_build_args", v.get("build_args"));
    v.put("self.conda_pkg_format", v.get("pkg_format"));
    v.put("self.user_info[uid]", v.get("uid"));
    return v;
  }

  /** {@code values} plus {@code {build_command}}. */
  public static Map<String, String> withCommand(Map<String, String> values, String command) {
    Map<String, String> v = new HashMap<>(values);
    v.put("build_command", command);
    return v;
  }
}
