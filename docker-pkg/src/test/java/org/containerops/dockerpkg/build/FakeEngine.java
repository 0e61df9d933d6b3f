package org.containerops.dockerpkg.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.dockerpkg.engine.ImageEngine;

/** An in-memory {@link ImageEngine} that records calls, for build logic tests without an engine. */
final class FakeEngine implements ImageEngine {
  final Set<String> images = ConcurrentHashMap.newKeySet();
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final Set<String> failBuilds = ConcurrentHashMap.newKeySet();
  final Set<String> failPulls = ConcurrentHashMap.newKeySet();
  final List<Path> contexts = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger maxRunning = new AtomicInteger();
  volatile int verifyExit = 0;
  volatile long buildMillis = 0;
  /** Labels given to each built tag (the recorded inputs). */
  final Map<String, Map<String, String>> labels = new ConcurrentHashMap<>();

  @Override
  public Optional<ImageInfo> inspect(String ref) {
    return images.contains(ref)
        ? Optional.of(new ImageInfo("sha256:id-of-" + ref, labels.getOrDefault(ref, Map.of()))) : Optional.empty();
  }

  @Override
  public boolean exists(String ref) {
    return images.contains(ref);
  }

  @Override
  public void pull(String ref, Optional<Credentials> credentials) {
    calls.add("pull " + ref);
    if (failPulls.contains(ref)) {
      throw new DockerPkgException(Reason.ENGINE, null, "pulling " + ref + " failed: not found");
    }
    images.add(ref);
  }

  @Override
  public void build(BuildRequest r, Consumer<String> log) {
    int now = running.incrementAndGet();
    maxRunning.accumulateAndGet(now, Math::max);
    try {
      calls.add("build " + r.tag() + " " + r.dockerfile() + " network=" + r.network() + " nocache=" + r.noCache()
          + " args=" + new java.util.TreeMap<>(r.buildArgs()).keySet());
      contexts.add(r.context());
      if (!Files.isRegularFile(r.context().resolve(r.dockerfile()))) {
        throw new AssertionError("no " + r.dockerfile() + " in the context");
      }
      if (buildMillis > 0) {
        Thread.sleep(buildMillis);
      }
      if (failBuilds.stream().anyMatch(r.tag()::contains)) {
        throw new DockerPkgException(Reason.ENGINE, null, "building " + r.tag() + " failed: The command returned 1");
      }
      log.accept("Successfully built " + r.tag());
      labels.put(r.tag(), r.labels());
      images.add(r.tag());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      running.decrementAndGet();
    }
  }

  @Override
  public void copyOut(String image, String path, Path targetDir) {
    calls.add("copyOut " + image + " " + path);
    try {
      Files.createDirectories(targetDir.resolve("build"));
      Files.writeString(targetDir.resolve("build/artifact"), "x");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public CommandResult run(String image, Path mountDir, String mountPath, List<String> argv, Map<String, String> env,
      String network, Duration timeout) {
    calls.add("verify " + image + " " + argv + " env=" + env.keySet());
    return new CommandResult(verifyExit, verifyExit == 0 ? "ok" : "failed on purpose");
  }

  @Override
  public void tag(String source, String repository, String tag) {
    calls.add("tag " + source + " " + repository + ":" + tag);
    images.add(repository + ":" + tag);
  }

  @Override
  public void push(String repository, String tag, Optional<Credentials> credentials) {
    calls.add("push " + repository + ":" + tag + " as " + credentials.map(Credentials::username).orElse("nobody"));
  }

  @Override
  public List<LocalImage> list(String repository) {
    return images.stream().filter(i -> i.startsWith(repository + ":")).sorted().map(i -> new LocalImage("id-" + i, List.of(i))).toList();
  }

  @Override
  public boolean remove(String ref, boolean force) {
    calls.add("remove " + ref);
    return images.remove(ref);
  }

  List<String> callsStartingWith(String prefix) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.startsWith(prefix)).toList();
    }
  }
}
