package org.containerops.dockerpkg.build;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.ImageReport.ImageState;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageLabel;
import org.containerops.dockerpkg.parallel.ParallelMap;
import org.containerops.dockerpkg.registry.RegistryProbe;
import org.containerops.dockerpkg.registry.RegistryProbe.Presence;

/**
 * Each image's initial state (upstream builder.py:56-77), asked with {@code scan_workers} threads:
 * <ul>
 *   <li>pull on: in the registry → PUBLISHED; else in the engine → BUILT; else TO_BUILD;</li>
 *   <li>pull off: not in the engine → TO_BUILD (the registry is not asked); else in the registry →
 *       PUBLISHED; else BUILT.</li>
 * </ul>
 * A registry that cannot answer counts as "not in the registry" and gives one warning per run
 * (upstream aborted the scan).
 */
final class StateResolver {
  private final DockerPkgConfig config;
  private final ImageEngine engine;
  private final RegistryProbe probe;
  private final DockerPkgListener listener;
  private final AtomicBoolean warned = new AtomicBoolean();

  StateResolver(DockerPkgConfig config, ImageEngine engine, RegistryProbe probe, DockerPkgListener listener) {
    this.config = config;
    this.engine = engine;
    this.probe = probe;
    this.listener = listener;
  }

  /** @return image name to state, for every image of {@code images} */
  Map<String, ImageState> resolve(List<ImageDefinition> images, boolean pull) {
    List<ImageState> found = ParallelMap.map(images, config.scanWorkers(), i -> state(i.label(config), pull),
        Reason.ENGINE, "cannot read image states", "interrupted while reading image states");
    Map<String, ImageState> states = new ConcurrentHashMap<>();
    for (int i = 0; i < images.size(); i++) {
      states.put(images.get(i).name(), found.get(i));
    }
    return states;
  }

  private ImageState state(ImageLabel label, boolean pull) {
    if (pull) {
      if (inRegistry(label)) {
        return ImageState.PUBLISHED;
      }
      return engine.exists(label.full()) ? ImageState.BUILT : ImageState.TO_BUILD;
    }
    if (!engine.exists(label.full())) {
      return ImageState.TO_BUILD;
    }
    return inRegistry(label) ? ImageState.PUBLISHED : ImageState.BUILT;
  }

  private boolean inRegistry(ImageLabel label) {
    Presence p = probe.probe(label);
    if (p.status() == Presence.Status.UNKNOWN && !warned.getAndSet(true)) {
      listener.warning(null, "cannot ask the registry, going by local images: " + p.detail());
    }
    return p.status() == Presence.Status.PRESENT;
  }
}
