package org.containerops.dockerpkg.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.api.DockerPkgListener;
import org.containerops.dockerpkg.api.ImageReport.ImageState;
import org.containerops.dockerpkg.config.DockerPkgConfig;
import org.containerops.dockerpkg.engine.ImageEngine;
import org.containerops.dockerpkg.image.ImageDefinition;
import org.containerops.dockerpkg.image.ImageLabel;
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
    Map<String, ImageState> states = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(config.scanWorkers(), images.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (ImageDefinition image : images) {
        futures.add(pool.submit(() -> states.put(image.name(), state(image.label(config), pull))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new DockerPkgException(Reason.ENGINE, null, "cannot read image states: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerPkgException(Reason.ENGINE, null, "interrupted while reading image states", e);
    } finally {
      pool.shutdownNow();
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
