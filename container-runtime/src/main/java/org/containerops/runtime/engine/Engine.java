package org.containerops.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.containerops.runtime.api.ContainerRuntimeError;
import org.containerops.runtime.api.ContainerRuntimeError.Reason;

/**
 * A connection to one Docker engine through docker-java (zerodep transport), API pinned to
 * {@value #API_VERSION}. The engine comes from {@code DOCKER_HOST} (also TLS settings from
 * {@code DOCKER_TLS_VERIFY} / {@code DOCKER_CERT_PATH}) or the default socket
 * {@code unix:///var/run/docker.sock}. Thread-safe; {@link #close()} closes the client.
 */
public final class Engine implements AutoCloseable {
  /** The Docker API version we speak; engine 20.10 speaks it, newer engines accept it. */
  public static final String API_VERSION = "1.41";

  private final DockerClient client;
  private final URI host;
  private final String serverVersion;

  private Engine(DockerClient client, URI host, String serverVersion) {
    this.client = client;
    this.host = host;
    this.serverVersion = serverVersion;
  }

  /**
   * Connects to the engine named by the environment and checks that it answers.
   *
   * @throws ContainerRuntimeError with {@link Reason#ENGINE_UNAVAILABLE} when no engine answers within
   *     {@code pingTimeout}, saying how to start one
   */
  public static Engine fromEnvironment(Duration pingTimeout) {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withApiVersion(API_VERSION)
        .build();
    URI host = config.getDockerHost();
    DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(host)
        .sslConfig(config.getSSLConfig())
        .maxConnections(64)
        .connectionTimeout(pingTimeout)
        .build();
    DockerClient client = DockerClientImpl.getInstance(config, http);
    try {
      client.pingCmd().exec();
      Version version = client.versionCmd().exec();
      return new Engine(client, host, version.getVersion());
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw ContainerRuntimeError.engine(Reason.ENGINE_UNAVAILABLE,
          "no Docker engine answers at " + host + " (" + rootMessage(e) + "). Start one: as root run "
              + "scripts/setup, or `dockerd --bridge=none --iptables=false &`; or set DOCKER_HOST to an engine "
              + "that speaks API " + API_VERSION + " or newer", e);
    }
  }

  /** The docker-java client; owned by this engine. */
  public DockerClient client() {
    return client;
  }

  /** Where the engine was reached, e.g. {@code unix:///var/run/docker.sock}. */
  public URI host() {
    return host;
  }

  /** The engine's version string, e.g. {@code 20.10.24+dfsg1}. */
  public String serverVersion() {
    return serverVersion;
  }

  /** Closes the client; idempotent. */
  @Override
  public void close() {
    closeQuietly(client);
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException | RuntimeException ignored) {
      // nothing left to release
    }
  }

  /** The innermost message of an exception chain, for one-line errors. */
  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
  }
}
