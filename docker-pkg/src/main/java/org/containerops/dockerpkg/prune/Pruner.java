package org.containerops.dockerpkg.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.PruneResult;
import org.containerops.dockerpkg.api.PruneSpec;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.engine.ImageEngine.LocalImage;
import org.containerops.dockerpkg.image.DependencyGraph;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.dockerpkg.image.ImageScanner;
import org.containerops.dockerpkg.image.ImageTree;

/**
 * {@code prune} (upstream builder.py:308-318, drivers.py:181-200): for each selected image,
 * children first, remove the local images of its repository that do not carry the current label.
 *
 * <p>Unlike upstream, which removed by image id without force (refused for an id with a second
 * tag, e.g. {@code latest}), each {@code repo:tag} of that repository is removed, without force:
 * tags of other repositories on the same image are kept, the image goes with its last tag, and
 * the image carrying the current label keeps all its tags ({@code latest} too). A refusal (image
 * in use) is reported and the run goes on. No registry is asked.
 */
public final class Pruner {
  private final DockerPkgConfig config;
  private final DockerPkgListener listener;
  private final ImageEngine engine;

  public Pruner(DockerPkgConfig config, DockerPkgListener listener, ImageEngine engine) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * @throws DockerPkgException reason SCAN or CYCLE; ENGINE when the engine cannot list images
   */
  public PruneResult prune(PruneSpec spec) {
    ImageTree tree = new ImageScanner(config.scanWorkers(), listener).scan(spec.directory()).withTagSuffix(spec.tagSuffix());
    List<ImageDefinition> order = new ArrayList<>(new DependencyGraph(tree).buildOrder());
    java.util.Collections.reverse(order);
    List<String> removed = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (ImageDefinition image : order) {
      ImageLabel label = image.label(config);
      if (spec.select().isPresent() && !spec.select().get().matches(label.full())) {
        continue;
      }
      listener.step(image.name(), "pruning old versions of " + label.full());
      for (LocalImage local : engine.list(label.name())) {
        if (local.repoTags().contains(label.full())) {
          continue;
        }
        for (String ref : local.repoTags()) {
          String[] nameTag = ImageLabel.splitFull(ref);
          if (nameTag == null || !nameTag[0].equals(label.name())) {
            continue;
          }
          try {
            if (engine.remove(ref, false)) {
              removed.add(ref);
              listener.pruned(image.name(), ref);
            }
          } catch (DockerPkgException e) {
            errors.add(ref + ": " + e.getMessage());
            listener.warning(image.name(), "cannot prune " + ref + ": " + e.getMessage());
          }
        }
      }
    }
    return new PruneResult(removed, errors);
  }
}
