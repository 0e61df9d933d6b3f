package org.containerops.mirror.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.containerops.mirror.Fixtures;
import org.containerops.mirror.api.CondaOci;
import org.containerops.mirror.api.MirrorResult;
import org.containerops.mirror.api.MirrorSpec;
import org.containerops.mirror.registry.RegistryAddress;
import org.containerops.mirror.registry.RetryPolicy;
import org.containerops.runtime.testing.LocalRegistry;
import org.containerops.runtime.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Faults in the channel and the registry: 5xx retried, 4xx not, dropped and truncated bodies, timeouts, restarts. */
@ExtendWith(RegistryExtension.class)
class FaultIT {
  private static final RetryPolicy QUICK = new RetryPolicy(Duration.ofSeconds(5), List.of(Duration.ofMillis(20), Duration.ofMillis(20)));
  // 5 s per request: long enough for a loaded CI machine, short against the 20 s slow response below
  private static final String V1 = "/noarch/run_exports_versions-1.0-he35c369_0.tar.bz2";
  private static final String V2 = "/noarch/run_exports_versions-2.0-h39de5ba_0.tar.bz2";
  private static final String D1 = "/osx-64/dummy-package-1.0-0.tar.bz2";
  private static final String D2 = "/osx-64/dummy-package-2.0-0.tar.bz2";

  private static MirrorResult mirror(String registry, String channel, URI url, Path cache, int workers, RecordingListener l,
      List<String> subdirs) {
    try (CondaOci oci = CondaOci.connect(RegistryAddress.parse(registry + "/mirrors"), Optional.empty(), QUICK, l)) {
      return oci.mirror(MirrorSpec.builder().channel(channel).channelUrl(url).subdirs(subdirs).workers(workers)
          .cacheDir(cache).build());
    }
  }

  private static byte[] fixture(String path) throws Exception {
    return Files.readAllBytes(Fixtures.channel().resolve(path.substring(1)));
  }

  @Test
  void channelFaultsAreRetriedOrReportedPerPackage(LocalRegistry registry, @TempDir Path cache) throws Exception {
    WireMockServer channel = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    channel.start();
    try {
      for (String r : List.of("/noarch/repodata.json", "/osx-64/repodata.json")) {
        channel.stubFor(get(r).willReturn(aResponse().withBody(fixture(r))));
      }
      channel.stubFor(get(V1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
      channel.stubFor(get(V1).inScenario("flaky").whenScenarioStateIs("ok").willReturn(aResponse().withBody(fixture(V1))));
      channel.stubFor(get(V2).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      byte[] d1 = fixture(D1);
      channel.stubFor(get(D1).willReturn(aResponse().withBody(Arrays.copyOf(d1, d1.length / 2))));
      channel.stubFor(get(D2).willReturn(aResponse().withBody(fixture(D2)).withFixedDelay(20_000)));
      channel.stubFor(get("/linux-64/repodata.json").willReturn(aResponse().withStatus(404)));

      RecordingListener l = new RecordingListener();
      MirrorResult r = mirror(registry.hostPort(), "faults", URI.create(channel.baseUrl()), cache, 2, l,
          List.of("noarch", "osx-64", "linux-64"));
      assertEquals(List.of("faults/noarch/run_exports_versions:1.0-he35c369_0"), r.pushed(), "503 then 200: retried");
      // 503 then 200: at least the one retry; on a loaded machine the 200 itself may pass the 5 s
      // per-request timeout once and be retried again, within the policy's three attempts
      int v1Gets = channel.findAll(getRequestedFor(urlEqualTo(V1))).size();
      assertTrue(v1Gets >= 2 && v1Gets <= 3, "GETs of the 503-then-200 package: " + v1Gets);
      assertTrue(r.failed().get("noarch/run_exports_versions-2.0-h39de5ba_0.tar.bz2").contains("GET"), r.failed().toString());
      channel.verify(3, getRequestedFor(urlEqualTo(V2)));
      assertTrue(r.failed().get("osx-64/dummy-package-1.0-0.tar.bz2").contains("the body ended after 1258 of the declared 2517 bytes"),
          r.failed().toString());
      assertTrue(r.failed().get("osx-64/dummy-package-2.0-0.tar.bz2").toLowerCase().contains("timed out"), r.failed().toString());
      assertTrue(r.failed().get("linux-64").contains("channel has no"), r.failed().toString());
      channel.verify(1, getRequestedFor(urlEqualTo("/linux-64/repodata.json")));
      assertEquals(List.of(), new RegistryHttp(registry).tags("mirrors/faults/noarch/repodata.json"));
      assertFalse(r.ok());
    } finally {
      channel.stop();
    }
  }

  @Test
  void registry5xxIsRetriedAnd4xxIsNot(LocalRegistry registry, @TempDir Path cache) throws Exception {
    WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    proxy.start();
    try {
      proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(registry.uri().toString())));
      String m1 = "/v2/mirrors/proxied/osx-64/dummy-package/manifests/1.0-0";
      String m2 = "/v2/mirrors/proxied/osx-64/dummy-package/manifests/2.0-0";
      proxy.stubFor(put(m1).atPriority(1).inScenario("m1").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
      proxy.stubFor(put(m2).atPriority(1).willReturn(aResponse().withStatus(400)
          .withBody("{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"refused by test\"}]}")));
      MirrorResult r = mirror("127.0.0.1:" + proxy.port(), "proxied", Fixtures.channel().toUri(), cache, 1,
          new RecordingListener(), List.of("osx-64"));
      assertEquals(List.of("proxied/osx-64/dummy-package:1.0-0"), r.pushed());
      proxy.verify(2, putRequestedFor(urlEqualTo(m1)));
      proxy.verify(1, putRequestedFor(urlEqualTo(m2)));
      assertTrue(r.failed().get("osx-64/dummy-package-2.0-0.tar.bz2").contains("400"), r.failed().toString());
      proxy.verify(0, putRequestedFor(urlPathMatching(".*/repodata.json/manifests/.*")));
    } finally {
      proxy.stop();
    }
  }

  @Test
  void registryStoppedMidPushThenRestartedRerunCompletesWithoutPushingTwice(@TempDir Path cache) throws Exception {
    try (LocalRegistry own = LocalRegistry.startPlain()) {
      AtomicBoolean stopped = new AtomicBoolean();
      RecordingListener first = new RecordingListener() {
        @Override
        public void manifestPushed(String ref) {
          super.manifestPushed(ref);
          if (stopped.compareAndSet(false, true)) {
            own.stop();
          }
        }
      };
      MirrorResult r1 = mirror(own.hostPort(), "restart", Fixtures.channel().toUri(), cache, 1, first,
          List.of("noarch", "osx-64"));
      assertEquals(1, r1.pushed().size(), r1.toString());
      assertFalse(r1.ok());
      assertEquals(List.of(), r1.repodataPublished());
      own.start();
      RecordingListener second = new RecordingListener();
      MirrorResult r2 = mirror(own.hostPort(), "restart", Fixtures.channel().toUri(), cache, 1, second,
          List.of("noarch", "osx-64"));
      assertTrue(r2.ok(), r2.failed().toString());
      assertEquals(3, r2.pushed().size());
      assertFalse(r2.pushed().contains(r1.pushed().get(0)), "not pushed twice");
      assertEquals(List.of("noarch", "osx-64"), r2.repodataPublished());
      List<String> packageManifests = new ArrayList<>(second.manifests);
      packageManifests.removeIf(m -> m.contains("repodata.json"));
      assertEquals(3, packageManifests.size(), packageManifests.toString());
    }
  }
}
