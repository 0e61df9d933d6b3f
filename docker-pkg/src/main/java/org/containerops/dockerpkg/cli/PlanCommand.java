package org.containerops.dockerpkg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.containerops.dockerpkg.DockerPkg;
import org.containerops.dockerpkg.api.PlanResult;
import org.containerops.dockerpkg.api.PlanSpec;
import org.containerops.dockerpkg.config.ConfigLoader;
import org.containerops.dockerpkg.engine.RuntimeImageEngine;
import org.containerops.dockerpkg.select.Glob;
import org.containerops.runtime.ContainerRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code docker-pkg plan DIRECTORY [--select GLOB] [--json]} (ours, issue 16 §2): which images must
 * be rebuilt because their inputs differ from those recorded on their published (or local) image,
 * and why. Text: one line per image, {@code REBUILD}/{@code UP-TO-DATE}, label, reasons; then a
 * summary. {@code --json}: one object with {@code images} and {@code rebuild}. Reads only; exit 0.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "List the images whose inputs changed since they were built, and why")
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand DockerPkgCli parent;
  @Mixin GlobalOptions global;

  @Option(names = "--select", paramLabel = "GLOB", description = "A glob pattern for the images to plan, must match name:tag")
  String select;

  @Option(names = "--json", description = "Print JSON instead of text") boolean json;

  @Parameters(paramLabel = "DIRECTORY", description = "The directory to scan for images") Path directory;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DockerPkg pkg = new DockerPkg(ConfigLoader.forCurrentUser().load(GlobalOptions.configFile(global, parent.global)),
        new StderrListener(spec.commandLine().getErr()));
    PlanResult plan;
    try (ContainerRuntime runtime = EngineConnection.open()) {
      plan = pkg.plan(new PlanSpec(directory, Optional.ofNullable(select).map(Glob::new)), new RuntimeImageEngine(runtime));
    }
    if (json) {
      out.println(toJson(plan));
    } else {
      for (PlanResult.Image i : plan.images()) {
        out.println(String.format("%-10s %-60s %s", i.rebuild() ? "REBUILD" : "UP-TO-DATE", i.label(),
            String.join("; ", i.reasons())).stripTrailing());
      }
      out.println("== " + plan.rebuild().size() + " of " + plan.images().size() + " images to rebuild ==");
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The plan as one JSON object: {@code {"images":[{name,label,hash,rebuild,reasons,recorded_in}],"rebuild":[names]}}. */
  static String toJson(PlanResult plan) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ArrayNode images = root.putArray("images");
    for (PlanResult.Image i : plan.images()) {
      ObjectNode o = images.addObject();
      o.put("name", i.name());
      o.put("label", i.label());
      o.put("hash", i.hash());
      o.put("rebuild", i.rebuild());
      i.reasons().forEach(o.putArray("reasons")::add);
      o.put("recorded_in", i.recordedIn());
    }
    plan.rebuild().forEach(root.putArray("rebuild")::add);
    return root.toString();
  }
}
