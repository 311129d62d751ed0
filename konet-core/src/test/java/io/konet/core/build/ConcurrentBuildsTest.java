package io.konet.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.konet.core.push.PushResult;
import io.konet.testing.RawManifest;
import io.konet.testing.RegistryHttp;
import io.konet.testing.SampleProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds that push to one repository at the same time. */
class ConcurrentBuildsTest {

  @TempDir static Path shared;
  static EngineFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new EngineFixture(shared);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** A copy of samples/hello whose app differs by {@code variant}. */
  private static Path project(Path root, String variant) throws Exception {
    Path project = SampleProjects.copyHello(root.resolve(variant));
    Path program = project.resolveSibling("Program.cs");
    Files.writeString(program, Files.readString(program) + "\n// " + variant + "\n");
    return project;
  }

  private static List<PushResult> together(Callable<PushResult> one, Callable<PushResult> two)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<PushResult> first = pool.submit(one);
      Future<PushResult> second = pool.submit(two);
      return List.of(first.get(), second.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoBuildsPushingDifferentTagsToOneRepositoryBothSucceed(@TempDir Path temp)
      throws Exception {
    Path blue = project(temp, "blue");
    Path green = project(temp, "green");

    List<PushResult> results =
        together(
            () -> fixture.build(fixture.request(blue, "linux/amd64,linux/arm64",
                fixture.publish().build(), "together/app:blue"), new RecordingLog()),
            () -> fixture.build(fixture.request(green, "linux/amd64,linux/arm64",
                fixture.publish().build(), "together/app:green"), new RecordingLog()));

    assertThat(results.get(0).indexDigest()).isNotEqualTo(results.get(1).indexDigest());
    assertComplete("together/app", "blue", results.get(0).indexDigest());
    assertComplete("together/app", "green", results.get(1).indexDigest());
  }

  @Test
  void twoBuildsPushingOneTagLeaveItOnOneCompleteIndex(@TempDir Path temp) throws Exception {
    Path blue = project(temp, "blue");
    Path green = project(temp, "green");

    List<PushResult> results =
        together(
            () -> fixture.build(fixture.request(blue, "linux/amd64,windows/amd64:ltsc2022",
                fixture.publish().build(), "together/same:latest"), new RecordingLog()),
            () -> fixture.build(fixture.request(green, "linux/amd64,windows/amd64:ltsc2022",
                fixture.publish().build(), "together/same:latest"), new RecordingLog()));

    String tagged = fixture.target.http().getManifest("together/same", "latest").digest();
    assertThat(tagged).isIn(results.get(0).indexDigest(), results.get(1).indexDigest());
    assertComplete("together/same", "latest", tagged);
  }

  private static void assertComplete(String repository, String tag, String digest) {
    RegistryHttp http = fixture.target.http();
    RawManifest index = http.getManifest(repository, tag);
    assertThat(index.digest()).isEqualTo(digest);
    for (JsonNode entry : index.json().path("manifests")) {
      JsonNode manifest = http.getManifest(repository, entry.path("digest").asText()).json();
      assertThat(http.blobExists(repository, manifest.path("config").path("digest").asText()))
          .isTrue();
      for (JsonNode layer : manifest.path("layers")) {
        assertThat(http.blobExists(repository, layer.path("digest").asText())).isTrue();
      }
    }
  }
}
