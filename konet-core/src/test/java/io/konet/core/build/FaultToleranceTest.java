package io.konet.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.konet.core.KonetException;
import io.konet.core.image.ImageSettings;
import io.konet.core.platform.PlatformParser;
import io.konet.core.push.PushResult;
import io.konet.core.registry.CredentialSource;
import io.konet.core.registry.ImageName;
import io.konet.core.registry.RegistrySession;
import io.konet.core.registry.RetryPolicy;
import io.konet.testing.FaultProxy;
import io.konet.testing.RawManifest;
import io.konet.testing.RegistryHttp;
import io.konet.testing.SampleProjects;
import io.konet.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults between the pusher and a real registry, injected by a proxy: each fault once, then
 * recovery with a complete image; a fault that never stops, which fails clearly and leaves the
 * tag alone; and the registry killed mid-push, after which a rerun completes.
 */
class FaultToleranceTest {

  /** Quick retries for tests: three tries, short waits, a stall noticed after two seconds. */
  static final RetryPolicy QUICK =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2),
          Duration.ofSeconds(60), 64 * 1024);

  @TempDir static Path shared;
  static EngineFixture fixture;
  FaultProxy proxy;
  Path project;

  @BeforeAll
  static void start() {
    fixture = new EngineFixture(shared);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void proxyAndProject(@TempDir Path temp) throws Exception {
    proxy = FaultProxy.start(fixture.target.hostPort());
    project = SampleProjects.copyHello(temp.resolve("src"));
  }

  @AfterEach
  void closeProxy() {
    proxy.close();
  }

  private PushResult build(String repositoryAndTag, RecordingLog log) throws Exception {
    BuildRequest request =
        new BuildRequest(project.toString(), PlatformParser.parseList("linux/amd64,linux/arm64"),
            fixture.publish().build(), ImageSettings.builder().build(),
            List.of(ImageName.parse(proxy.hostPort() + "/" + repositoryAndTag)), null, false, 4);
    try (RegistrySession session = new RegistrySession(fixture.registrySettings(),
        CredentialSource.anonymous(), log, QUICK)) {
      return new ImageBuild(LocalBuildNode.here(), session, log).run(request);
    }
  }

  /** Every manifest of the index and every blob they name is in the registry. */
  private static void assertComplete(String repository, String tag, String indexDigest) {
    RegistryHttp http = fixture.target.http();
    RawManifest index = http.getManifest(repository, tag);
    assertThat(index.digest()).isEqualTo(indexDigest);
    for (JsonNode entry : index.json().path("manifests")) {
      RawManifest manifest = http.getManifest(repository, entry.path("digest").asText());
      assertThat(manifest.bytes()).hasSize(entry.path("size").asInt());
      JsonNode json = manifest.json();
      assertThat(http.blobExists(repository, json.path("config").path("digest").asText()))
          .isTrue();
      for (JsonNode layer : json.path("layers")) {
        assertThat(http.blobExists(repository, layer.path("digest").asText()))
            .as(layer.path("digest").asText()).isTrue();
      }
    }
  }

  private static List<String> retryLines(RecordingLog log) {
    return log.info().stream().filter(line -> line.contains("trying again")).toList();
  }

  @Test
  void a503DuringAnUploadIsTriedAgain() throws Exception {
    // The first upload is the check of the right to push; the fault hits the first layer.
    FaultProxy.Rule rule = proxy.answer(503, Map.of(), "PATCH", "/blobs/uploads/", 1).after(1);
    RecordingLog log = new RecordingLog();

    PushResult result = build("faults/once503:1", log);

    assertThat(rule.applied()).isEqualTo(1);
    assertThat(retryLines(log)).singleElement().asString()
        .contains("HTTP 503 while pushing blob sha256:").contains("(try 2 of 3)");
    assertComplete("faults/once503", "1", result.indexDigest());
  }

  @Test
  void a500OnAManifestIsTriedAgain() throws Exception {
    proxy.answer(500, Map.of(), "PUT", "/manifests/sha256:", 1);
    RecordingLog log = new RecordingLog();

    PushResult result = build("faults/once500:1", log);

    assertThat(retryLines(log)).singleElement().asString()
        .contains("HTTP 500 while pushing manifest");
    assertComplete("faults/once500", "1", result.indexDigest());
  }

  @Test
  void a429IsTriedAgainAfterTheWaitItAsksFor() throws Exception {
    proxy.answer(429, Map.of("Retry-After", "1"), "HEAD", "/blobs/sha256:", 1);
    RecordingLog log = new RecordingLog();

    PushResult result = build("faults/once429:1", log);

    assertThat(retryLines(log)).singleElement().asString()
        .contains("HTTP 429").contains("trying again in 1 s");
    assertComplete("faults/once429", "1", result.indexDigest());
  }

  @Test
  void aConnectionDroppedMidUploadStartsTheUploadAgain() throws Exception {
    FaultProxy.Rule rule = proxy.drop(512, "PATCH", "/blobs/uploads/", 1).after(1);
    RecordingLog log = new RecordingLog();

    PushResult result = build("faults/dropped:1", log);

    assertThat(rule.applied()).isEqualTo(1);
    assertThat(retryLines(log)).singleElement().asString().contains("connection lost");
    assertComplete("faults/dropped", "1", result.indexDigest());
  }

  @Test
  void aStalledUploadIsAbortedAndStartedAgain() throws Exception {
    proxy.stall(512, "PATCH", "/blobs/uploads/", 1).after(1);
    RecordingLog log = new RecordingLog();

    PushResult result = build("faults/stalled:1", log);

    assertThat(retryLines(log)).anySatisfy(line -> assertThat(line)
        .contains("sent nothing for 2 s"));
    assertComplete("faults/stalled", "1", result.indexDigest());
  }

  @Test
  void aFaultThatNeverStopsFailsClearlyAndLeavesTheTagAlone() throws Exception {
    PushResult before = build("faults/forever:stable", new RecordingLog());
    Path program = project.resolveSibling("Program.cs");
    Files.writeString(program, Files.readString(program) + "\n// a change\n");
    proxy.answer(503, Map.of(), "PATCH", "/blobs/uploads/", FaultProxy.ALWAYS).after(1);
    RecordingLog log = new RecordingLog();

    assertThatThrownBy(() -> build("faults/forever:stable", log))
        .isInstanceOf(KonetException.class)
        .hasMessageContaining("answered HTTP 503 while pushing blob sha256:")
        .hasMessageEndingWith("(gave up after 3 tries).")
        .message().doesNotContain("\n");
    assertThat(retryLines(log)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(fixture.target.http().getManifest("faults/forever", "stable").digest())
        .isEqualTo(before.indexDigest());
  }

  @Test
  void aRegistryKilledMidPushCompletesOnARerun() throws Exception {
    TestRegistry victim = TestRegistry.start(shared.resolve("victim"));
    try (FaultProxy front = FaultProxy.start(victim.hostPort())) {
      // After the push check and two blobs, one at a time, the registry dies mid-upload.
      front.drop(Long.MAX_VALUE, "PATCH", "/blobs/uploads/", 1).after(3)
          .onApply(request -> CompletableFuture.runAsync(victim::kill));
      RecordingLog log = new RecordingLog();
      BuildRequest request =
          new BuildRequest(project.toString(), PlatformParser.parseList("linux/amd64"),
              fixture.publish().build(), ImageSettings.builder().build(),
              List.of(ImageName.parse(front.hostPort() + "/faults/killed:1")), null, false, 1);

      assertThatThrownBy(() -> run(request, log)).isInstanceOf(KonetException.class)
          .message().doesNotContain("\n");
      victim.restart();
      RecordingLog rerunLog = new RecordingLog();
      PushResult rerun = run(request, rerunLog);

      RawManifest index = victim.http().getManifest("faults/killed", "1");
      assertThat(index.digest()).isEqualTo(rerun.indexDigest());
      assertThat(rerunLog.info()).noneMatch(line -> line.contains("trying again"));
      // What reached the registry before it died is not sent again.
      assertThat(rerun.statistics().blobsSkipped()).isGreaterThanOrEqualTo(2);
    } finally {
      victim.close();
    }
  }

  private static PushResult run(BuildRequest request, RecordingLog log) throws Exception {
    try (RegistrySession session = new RegistrySession(fixture.registrySettings(),
        CredentialSource.anonymous(), log, QUICK)) {
      return new ImageBuild(LocalBuildNode.here(), session, log).run(request);
    }
  }
}
