package io.konet.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konet.core.image.ImageSettings;
import io.konet.core.publish.PublishMode;
import io.konet.core.push.PushResult;
import io.konet.testing.RawManifest;
import io.konet.testing.RegistryHttp;
import io.konet.testing.SampleProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Base image families and publish modes, against real registries. */
class ImageVariantsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

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
  void anOciBaseGivesAnOciIndexWithoutAttestationEntries(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    ImageSettings image =
        ImageSettings.builder()
            .baseImages(Map.of("linux", "mcr.microsoft.com/dotnet/runtime-deps:9.0"))
            .build();

    PushResult result =
        fixture.build(fixture.request(project, "linux/amd64,linux/arm64",
            fixture.publish().build(), image, "oci:1"), new RecordingLog());

    RawManifest index = fixture.target.http().getManifest("oci", "1");
    assertThat(index.mediaType()).isEqualTo(RegistryHttp.OCI_INDEX);
    assertThat(result.indexMediaType()).isEqualTo(RegistryHttp.OCI_INDEX);
    assertThat(index.json().path("manifests")).hasSize(2)
        .allSatisfy(entry -> assertThat(entry.path("platform").path("os").asText())
            .isEqualTo("linux"));
    JsonNode manifest = manifest("oci", "1", 0);
    assertThat(manifest.path("mediaType").asText()).isEqualTo(RegistryHttp.OCI_MANIFEST);
    assertThat(manifest.path("annotations").path("org.opencontainers.image.base.name").asText())
        .isEqualTo("mcr.microsoft.com/dotnet/runtime-deps:9.0");
    JsonNode layers = manifest.path("layers");
    assertThat(layers.get(layers.size() - 1).path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
  }

  @Test
  void frameworkDependentAppsRunOnTheRuntimeImageThroughDotnet(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));

    fixture.build(fixture.request(project, "linux/amd64,windows/amd64:ltsc2022",
        fixture.publish().mode(PublishMode.FRAMEWORK_DEPENDENT).build(), "fdd:1"),
        new RecordingLog());

    JsonNode linux = config("fdd", "1", 0);
    assertThat(text(linux.path("config").path("Entrypoint")))
        .containsExactly("dotnet", "/app/hello.dll");
    assertThat(linux.path("config").path("Labels").path("org.opencontainers.image.base.name")
        .asText()).isEqualTo("mcr.microsoft.com/dotnet/runtime:8.0");
    JsonNode windows = config("fdd", "1", 1);
    assertThat(text(windows.path("config").path("Entrypoint")))
        .containsExactly("dotnet", "C:\\app\\hello.dll");
    assertThat(windows.path("os.version").asText()).startsWith("10.0.20348.");
  }

  @Test
  void webAppsExposeTheBasePortAndRunOnAspnetWhenFrameworkDependent(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    Files.writeString(project, Files.readString(project)
        .replace("Microsoft.NET.Sdk\"", "Microsoft.NET.Sdk.Web\""));

    fixture.build(fixture.request(project, "linux/amd64",
        fixture.publish().mode(PublishMode.FRAMEWORK_DEPENDENT).build(), "web:1"),
        new RecordingLog());

    JsonNode config = config("web", "1", 0);
    assertThat(config.path("config").path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.path("config").path("Labels").path("org.opencontainers.image.base.name")
        .asText()).isEqualTo("mcr.microsoft.com/dotnet/aspnet:8.0");
  }

  @Test
  void alpineFamilyPublishesMuslRuntimeIdentifiersOnAlpineImages(@TempDir Path temp)
      throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    RecordingLog log = new RecordingLog();

    fixture.build(fixture.request(project, "linux/amd64,linux/arm/v7",
        fixture.publish().family(io.konet.core.platform.BaseFamily.ALPINE).build(), "alpine:1"),
        log);

    assertThat(log.info()).contains("publishing linux-musl-x64 for linux/amd64",
        "publishing linux-musl-arm for linux/arm/v7");
    assertThat(config("alpine", "1", 0).path("config").path("Labels")
        .path("org.opencontainers.image.base.name").asText())
        .isEqualTo("mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine");
  }

  @Test
  void userCanBeChosenAndRootMustBeAskedFor(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));

    fixture.build(fixture.request(project, "linux/amd64", fixture.publish().build(),
        ImageSettings.builder().user("root").build(), "user:root"), new RecordingLog());
    fixture.build(fixture.request(project, "linux/amd64", fixture.publish().build(),
        ImageSettings.builder().user("4242:4242").build(), "user:custom"), new RecordingLog());

    assertThat(config("user", "root", 0).path("config").path("User").asText()).isEqualTo("0");
    assertThat(config("user", "custom", 0).path("config").path("User").asText())
        .isEqualTo("4242:4242");
  }

  @Test
  void platformsSharingARuntimeIdentifierShareOnePublish(@TempDir Path temp) throws Exception {
    Path project = SampleProjects.copyHello(temp.resolve("src"));
    RecordingLog log = new RecordingLog();

    fixture.build(fixture.request(project, "windows/amd64:ltsc2022,windows/amd64:1809",
        fixture.publish().build(), "shared:1"), log);

    assertThat(log.info().stream().filter(line -> line.startsWith("publishing "))).containsExactly(
        "publishing win-x64 for windows/amd64:ltsc2022, windows/amd64:1809");
    RawManifest index = fixture.target.http().getManifest("shared", "1");
    assertThat(index.json().path("manifests")).hasSize(2);
    assertThat(index.json().path("manifests").get(0).path("platform").path("os.version").asText())
        .startsWith("10.0.20348.");
    assertThat(index.json().path("manifests").get(1).path("platform").path("os.version").asText())
        .startsWith("10.0.17763.");
    List<String> first = layerDigests(manifest("shared", "1", 0));
    List<String> second = layerDigests(manifest("shared", "1", 1));
    assertThat(first.get(first.size() - 1)).isEqualTo(second.get(second.size() - 1));
  }

  private static JsonNode manifest(String repository, String tag, int entry) {
    RawManifest index = fixture.target.http().getManifest(repository, tag);
    String digest = index.json().path("manifests").get(entry).path("digest").asText();
    return fixture.target.http().getManifest(repository, digest).json();
  }

  private static JsonNode config(String repository, String tag, int entry) throws Exception {
    String digest = manifest(repository, tag, entry).path("config").path("digest").asText();
    return JSON.readTree(fixture.target.http().getBlob(repository, digest));
  }

  private static List<String> layerDigests(JsonNode manifest) {
    List<String> digests = new ArrayList<>();
    manifest.path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
    return digests;
  }

  private static List<String> text(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
