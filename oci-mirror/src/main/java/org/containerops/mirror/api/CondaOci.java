package org.containerops.mirror.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.containerops.mirror.channel.ChannelSource;
import org.containerops.mirror.registry.Credentials;
import org.containerops.mirror.registry.Limits;
import org.containerops.mirror.registry.OciClient;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.mirror.registry.RetryPolicy;

/**
 * The library facade: one registry connection, used for {@link #mirror}, {@link #pullCache},
 * {@link #pushCache} and {@link #packageRepo}. Thread-safe for sequential runs; {@link #close()} is
 * idempotent and stops the worker threads.
 *
 * <pre>{@code
 * try (CondaOci oci = CondaOci.connect(RegistryAddress.parse("ghcr.io/me"), Credentials.resolve(...),
 *     RetryPolicy.UPSTREAM, listener)) {
 *   MirrorResult r = oci.mirror(MirrorSpec.builder().channel("conda-forge").subdirs(List.of("noarch")).build());
 * }
 * }</pre>
 */
public final class CondaOci implements AutoCloseable {
  private final OciClient client;
  private final Optional<Credentials> credentials;
  private final RetryPolicy retry;
  private final MirrorListener listener;

  private CondaOci(OciClient client, Optional<Credentials> credentials, RetryPolicy retry, MirrorListener listener) {
    this.client = client;
    this.credentials = credentials;
    this.retry = retry;
    this.listener = listener;
  }

  /** Connects lazily (no request is made here), with {@link Limits#DEFAULT}. */
  public static CondaOci connect(RegistryAddress address, Optional<Credentials> credentials, RetryPolicy retry,
      MirrorListener listener) {
    return connect(address, credentials, retry, Limits.DEFAULT, listener);
  }

  /**
   * Connects lazily (no request is made here).
   *
   * @param limits bounds on manifests and repodata read from the registry and the channel
   */
  public static CondaOci connect(RegistryAddress address, Optional<Credentials> credentials, RetryPolicy retry,
      Limits limits, MirrorListener listener) {
    return new CondaOci(new OciClient(address, credentials, retry, limits), credentials, retry, listener);
  }

  /**
   * Credentials from {@code ORAS_USER}/{@code ORAS_PASS}, else {@code ~/.docker/config.json}; see
   * {@link Credentials#resolve}.
   */
  public static Optional<Credentials> credentialsFor(RegistryAddress address, Map<String, String> env) {
    return Credentials.resolve(address.host(), env, Path.of(System.getProperty("user.home")));
  }

  /**
   * Mirrors a channel. Without credentials, a push to a registry that is not on a loopback address
   * becomes a dry run with a warning (the upstream README's promise, {@code README.md:48-51}).
   *
   * @return the result; {@link MirrorResult#ok()} is false when a package or subdir failed
   * @throws IllegalArgumentException when the spec's channel URL is unusable
   */
  public MirrorResult mirror(MirrorSpec spec) {
    boolean dryRun = spec.dryRun() || autoDryRun();
    ExecutorService workers = pool(spec.workers());
    try (ChannelSource channel = new ChannelSource(spec.channelUrl(), retry, client.limits())) {
      return new MirrorRun(spec, dryRun, new Transfers(client, listener), workers, channel).run();
    } finally {
      shutdown(workers);
    }
  }

  /** Pulls packages from the registry into a local conda channel directory. */
  public PullCacheResult pullCache(PullCacheSpec spec) {
    ExecutorService workers = pool(spec.workers());
    try {
      return new PullCacheRun(spec, new Transfers(client, listener), workers).run();
    } finally {
      shutdown(workers);
    }
  }

  /** Pushes local packages the registry lacks (all with {@code all}); never deletes local files. */
  public MirrorResult pushCache(PushCacheSpec spec) {
    boolean dryRun = spec.dryRun() || autoDryRun();
    return new PushCacheRun(spec, dryRun, new Transfers(client, listener)).run();
  }

  /** Read access to the packages of one {@code <channel>/<subdir>}. */
  public PackageRepo packageRepo(String channel, String subdir) {
    return new PackageRepo(client, channel, subdir);
  }

  private boolean autoDryRun() {
    if (credentials.isEmpty() && !client.address().isLoopback()) {
      listener.warning("no credentials for " + client.address().host()
          + " (set ORAS_USER and ORAS_PASS or docker login): switching to dry-run");
      return true;
    }
    return false;
  }

  private static ExecutorService pool(int n) {
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "conda-oci-worker");
      t.setDaemon(true);
      return t;
    });
  }

  private static void shutdown(ExecutorService pool) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
