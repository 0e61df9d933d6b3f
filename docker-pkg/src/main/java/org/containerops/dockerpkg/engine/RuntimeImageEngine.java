package org.containerops.dockerpkg.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.Mount;
import org.containerops.runtime.api.SandboxSpec;
import org.containerops.runtime.engine.ContainerTracker;
import org.containerops.runtime.engine.Engine;
import org.containerops.runtime.session.ContainerSession;
import org.containerops.runtime.session.ExecResult;

/**
 * {@link ImageEngine} on container-runtime: verification runs in a {@link ContainerSession} (locked
 * down, removed afterwards); build, pull, tag, push, list, remove and the copy out of a container
 * use {@link ContainerRuntime#client()} because {@code Images} has no container limits, stream
 * lines, pull, push or tag. Built images and containers carry {@value ContainerTracker#MANAGED_LABEL}
 * and {@value #LABEL}; the copy-out container also this runtime's session label.
 */
public final class RuntimeImageEngine implements ImageEngine {
  /** Label on everything docker-pkg builds or creates: the image's short purpose. */
  public static final String LABEL = "org.containerops.docker-pkg";
  /** How long a pull or push may take. */
  static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);

  private final ContainerRuntime runtime;
  private final DockerClient client;

  /** @param runtime the engine connection; not closed by this object */
  public RuntimeImageEngine(ContainerRuntime runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.client = runtime.client();
  }

  @Override
  public boolean exists(String ref) {
    try {
      client.inspectImageCmd(ref).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw fail("inspecting " + ref, e);
    }
  }

  @Override
  public Optional<ImageInfo> inspect(String ref) {
    try {
      var image = client.inspectImageCmd(ref).exec();
      Map<String, String> labels = image.getConfig() == null || image.getConfig().getLabels() == null
          ? Map.of() : image.getConfig().getLabels();
      return Optional.of(new ImageInfo(image.getId(), labels));
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw fail("inspecting " + ref, e);
    }
  }

  @Override
  public void pull(String ref, Optional<Credentials> credentials) {
    String[] nameTag = splitRef(ref);
    StreamErrors errors = new StreamErrors();
    try {
      var cmd = client.pullImageCmd(nameTag[0]).withTag(nameTag[1]);
      credentials.map(RuntimeImageEngine::auth).ifPresent(cmd::withAuthConfig);
      await(cmd.exec(errors.callback()), "pulling " + ref);
    } catch (DockerPkgException e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail("pulling " + ref, e);
    }
    errors.check("pulling " + ref);
  }

  @Override
  public void build(BuildRequest r, Consumer<String> log) {
    Map<String, String> labels = new java.util.HashMap<>(r.labels());
    labels.put(ContainerTracker.MANAGED_LABEL, "true");
    labels.put(LABEL, "build");
    BuildImageCmd cmd = client.buildImageCmd(r.context().toFile())
        .withDockerfile(r.context().resolve(r.dockerfile()).toFile())
        .withTags(Set.of(r.tag()))
        .withLabels(labels)
        .withNetworkMode(r.network())
        .withPull(false)
        .withRemove(true)
        .withForcerm(true)
        .withNoCache(r.noCache());
    r.buildArgs().forEach(cmd::withBuildArg);
    try {
      r.limits().forEach((k, v) -> {
        switch (k) {
          case "memory" -> cmd.withMemory(bytes(k, v));
          case "memswap" -> cmd.withMemswap(bytes(k, v));
          case "cpushares" -> cmd.withCpushares(v);
          case "cpusetcpus" -> cmd.withCpusetcpus(v);
          default -> throw new IllegalArgumentException("container_limits: unknown key " + k);
        }
      });
    } catch (IllegalArgumentException e) {
      throw new DockerPkgException(Reason.ENGINE, null, "building " + r.tag() + ": " + e.getMessage(), e);
    }
    List<String> errors = new ArrayList<>();
    BuildImageResultCallback callback = new BuildImageResultCallback() {
      @Override
      public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
          item.getStream().lines().forEach(log);
        }
        if (item.isErrorIndicated()) {
          String m = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
          errors.add(m);
          log.accept("ERROR: " + m);
        }
        super.onNext(item);
      }
    };
    try {
      cmd.exec(callback).awaitImageId();
    } catch (RuntimeException e) {
      String why = errors.isEmpty() ? Engine.rootMessage(e) : errors.get(errors.size() - 1);
      throw new DockerPkgException(Reason.ENGINE, null, "building " + r.tag() + " failed: " + oneLine(why), e);
    }
  }

  @Override
  public void copyOut(String image, String path, Path targetDir) {
    Map<String, String> labels = Map.of(ContainerTracker.MANAGED_LABEL, "true",
        ContainerTracker.SESSION_LABEL, runtime.sessionId(), LABEL, "artifacts");
    String id = null;
    try {
      id = client.createContainerCmd(image).withLabels(labels).withEntrypoint("/bin/true").withCmd(List.of())
          .exec().getId();
      try (InputStream tar = client.copyArchiveFromContainerCmd(id, path).exec()) {
        TarExtractor.extract(tar, targetDir);
      }
    } catch (IOException | RuntimeException e) {
      throw fail("copying " + path + " out of " + image, e);
    } finally {
      if (id != null) {
        try {
          client.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
          // already removed
        }
      }
    }
  }

  @Override
  public CommandResult run(String image, Path mountDir, String mountPath, List<String> argv, Map<String, String> env,
      String network, Duration timeout) {
    SandboxSpec.Builder spec = SandboxSpec.builder(image).mount(new Mount(mountDir, mountPath, true)).env(env)
        .network(network).timeout(timeout.plusMinutes(1)).label(LABEL, "verify");
    String user;
    try {
      user = client.inspectImageCmd(image).exec().getConfig().getUser();
    } catch (RuntimeException e) {
      throw fail("inspecting " + image, e);
    }
    if (SandboxSpec.isRootUser(user)) {
      spec.runAsRoot();  // the image runs as root anyway; the container is still locked down
    }
    try (ContainerSession session = runtime.startSession(spec.build())) {
      ExecResult r = session.exec(argv, timeout);
      return new CommandResult(r.exitCode(), r.outputText());
    } catch (ContainerRuntimeError e) {
      return new CommandResult(-1, e.getMessage());
    }
  }

  @Override
  public void tag(String source, String repository, String tag) {
    try {
      client.tagImageCmd(source, repository, tag).exec();
    } catch (RuntimeException e) {
      throw fail("tagging " + source + " as " + repository + ":" + tag, e);
    }
  }

  @Override
  public void push(String repository, String tag, Optional<Credentials> credentials) {
    StreamErrors errors = new StreamErrors();
    String what = "pushing " + repository + ":" + tag;
    try {
      var cmd = client.pushImageCmd(repository).withTag(tag);
      credentials.map(RuntimeImageEngine::auth).ifPresent(cmd::withAuthConfig);
      await(cmd.exec(errors.callback()), what);
    } catch (DockerPkgException e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail(what, e);
    }
    errors.check(what);
  }

  @Override
  public List<LocalImage> list(String repository) {
    try {
      return client.listImagesCmd().withReferenceFilter(repository).exec().stream()
          .map(i -> new LocalImage(i.getId(), i.getRepoTags() == null ? List.of() : List.of(i.getRepoTags())))
          .toList();
    } catch (RuntimeException e) {
      throw fail("listing images of " + repository, e);
    }
  }

  @Override
  public boolean remove(String ref, boolean force) {
    try {
      client.removeImageCmd(ref).withForce(force).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw fail("removing " + ref, e);
    }
  }

  /** {@code repo[:port]/name:tag} to {repo/name, tag}; tag {@code latest} when none. */
  static String[] splitRef(String ref) {
    int colon = ref.indexOf(':', ref.lastIndexOf('/') + 1);
    return colon < 0 ? new String[] {ref, "latest"} : new String[] {ref.substring(0, colon), ref.substring(colon + 1)};
  }

  /** Bytes from {@code 123}, {@code 512k}, {@code 512m}, {@code 2g} (docker's units, 1024-based). */
  static Long bytes(String key, String value) {
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    long unit = 1;
    if (!v.isEmpty() && "bkmg".indexOf(v.charAt(v.length() - 1)) >= 0) {
      unit = switch (v.charAt(v.length() - 1)) {
        case 'k' -> 1024L;
        case 'm' -> 1024L * 1024;
        case 'g' -> 1024L * 1024 * 1024;
        default -> 1L;
      };
      v = v.substring(0, v.length() - 1);
    }
    try {
      return Long.parseLong(v) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("container_limits: " + key + "=" + value + " is not a size (e.g. 512m)");
    }
  }

  private static AuthConfig auth(Credentials c) {
    return new AuthConfig().withUsername(c.username()).withPassword(c.password()).withRegistryAddress(c.registry());
  }

  private static void await(ResultCallback.Adapter<?> callback, String what) {
    try {
      if (!callback.awaitCompletion(TRANSFER_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        throw new DockerPkgException(Reason.ENGINE, null, what + ": no answer within " + TRANSFER_TIMEOUT.toMinutes() + " min");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerPkgException(Reason.ENGINE, null, what + ": interrupted", e);
    }
  }

  private static DockerPkgException fail(String what, Throwable e) {
    return new DockerPkgException(Reason.ENGINE, null, what + " failed: " + oneLine(Engine.rootMessage(e)), e);
  }

  private static String oneLine(String s) {
    return s == null ? "(no message)" : s.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  /** Collects errors reported inside a pull or push stream (the HTTP call itself succeeds). */
  private static final class StreamErrors {
    private final List<String> errors = new ArrayList<>();

    <T extends ResponseItem> ResultCallback.Adapter<T> callback() {
      return new ResultCallback.Adapter<>() {
        @Override
        public void onNext(T item) {
          if (item.isErrorIndicated()) {
            synchronized (errors) {
              errors.add(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
            }
          }
        }
      };
    }

    void check(String what) {
      synchronized (errors) {
        if (!errors.isEmpty()) {
          throw new DockerPkgException(Reason.ENGINE, null, what + " failed: " + oneLine(errors.get(errors.size() - 1)));
        }
      }
    }
  }

}
