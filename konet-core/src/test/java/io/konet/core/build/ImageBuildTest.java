package io.konet.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.konet.core.KonetException;
import io.konet.core.image.ImageSettings;
import io.konet.core.push.PushResult;
import io.konet.testing.RawManifest;
import io.konet.testing.SampleProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine from project to pushed index, against real registries. */
class ImageBuildTest {

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

  @Test
  void twoBuildsOfTheSameSourcesInDifferentPlacesGiveTheSameIndexDigest(@TempDir Path temp)
      throws Exception {
    Path first = SampleProjects.copyHello(temp.resolve("checkout-one"));
    Path second = SampleProjects.copyHello(temp.resolve("elsewhere/checkout-two"));

    PushResult one =
        fixture.build(fixture.request(first, "linux/amd64,windows/amd64:ltsc2022",
            fixture.publish().build(), "repro:one"), new RecordingLog());
    PushResult two =
        fixture.build(fixture.request(second, "linux/amd64,windows/amd64:ltsc2022",
            fixture.publish().build(), "repro:two"), new RecordingLog());

    assertThat(two.indexDigest()).isEqualTo(one.indexDigest());
    assertThat(fixture.target.http().getManifest("repro", "one").digest())
        .isEqualTo(fixture.target.http().getManifest("repro", "two").digest());
  }

  @Test
  void anAppOnlyChangeUploadsOnlyTheAppLayersAndConfigs(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    PushResult cold =
        fixture.build(fixture.request(project, "linux/amd64,linux/arm64",
            fixture.publish().build(), "rebuild:1"), new RecordingLog());
    RecordingLog warmLog = new RecordingLog();
    PushResult warm =
        fixture.build(fixture.request(project, "linux/amd64,linux/arm64",
            fixture.publish().build(), "rebuild:1"), warmLog);
    Path program = project.resolveSibling("Program.cs");
    Files.writeString(program, Files.readString(program) + "\n// a change\n");
    PushResult changed =
        fixture.build(fixture.request(project, "linux/amd64,linux/arm64",
            fixture.publish().build(), "rebuild:2"), new RecordingLog());

    assertThat(warm.indexDigest()).isEqualTo(cold.indexDigest());
    assertThat(warm.statistics().blobsUploaded()).isZero();
    assertThat(warm.statistics().bytesUploaded()).isZero();
    assertThat(warmLog.info()).noneMatch(line -> line.startsWith("pushed ") && line.contains("layer"));
    // Per platform: the app layer and the config; runtime and base layers are skipped.
    assertThat(changed.statistics().blobsUploaded()).isEqualTo(4);
    assertThat(changed.indexDigest()).isNotEqualTo(cold.indexDigest());
    List<String> coldLayers = layerDigests("rebuild", "1", "linux/amd64");
    List<String> changedLayers = layerDigests("rebuild", "2", "linux/amd64");
    assertThat(changedLayers).hasSameSizeAs(coldLayers);
    assertThat(changedLayers.subList(0, changedLayers.size() - 1))
        .isEqualTo(coldLayers.subList(0, coldLayers.size() - 1));
    assertThat(changedLayers.get(changedLayers.size() - 1))
        .isNotEqualTo(coldLayers.get(coldLayers.size() - 1));
  }

  @Test
  void aBaseImageWithoutARequestedPlatformFailsBeforePublishingAndTagsNothing(
      @TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    RecordingLog log = new RecordingLog();
    ImageSettings image =
        ImageSettings.builder()
            .baseImages(Map.of("windows", "mcr.microsoft.com/windows/nanoserver:ltsc2022"))
            .build();

    assertThatThrownBy(
            () ->
                fixture.build(
                    fixture.request(project, "linux/amd64,windows/amd64:ltsc2025",
                        fixture.publish().build(), image, "missing:1"),
                    log))
        .isInstanceOf(KonetException.class)
        .hasMessage("Base image mcr.microsoft.com/windows/nanoserver:ltsc2022 has no image for"
            + " windows/amd64:ltsc2025; it offers windows/amd64:10.0.17763.6532,"
            + " windows/amd64:10.0.20348.2849.");
    assertThat(fixture.target.http().findManifest("missing", "1")).isEmpty();
    assertThat(log.info()).noneMatch(line -> line.startsWith("publishing"));
  }

  @Test
  void leavesNoScratchFilesBehind(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    List<Path> before = scratchDirectories();

    fixture.build(fixture.request(project, "linux/amd64", fixture.publish().build(),
        "clean:1"), new RecordingLog());

    assertThat(scratchDirectories()).containsExactlyInAnyOrderElementsOf(before);
  }

  private static List<Path> scratchDirectories() throws Exception {
    try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return new ArrayList<>(list.filter(p -> p.getFileName().toString().startsWith("konet-"))
          .toList());
    }
  }

  private static List<String> layerDigests(String repository, String tag, String platform) {
    RawManifest index = fixture.target.http().getManifest(repository, tag);
    for (JsonNode entry : index.json().path("manifests")) {
      String entryPlatform = entry.path("platform").path("os").asText() + "/"
          + entry.path("platform").path("architecture").asText();
      if (entryPlatform.equals(platform)) {
        RawManifest manifest =
            fixture.target.http().getManifest(repository, entry.path("digest").asText());
        List<String> digests = new ArrayList<>();
        manifest.json().path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
        return digests;
      }
    }
    throw new AssertionError("no " + platform + " in " + index.text());
  }
}
