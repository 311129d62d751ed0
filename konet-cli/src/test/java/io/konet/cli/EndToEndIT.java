package io.konet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konet.testing.BaseImageSeeder;
import io.konet.testing.ImageRunner;
import io.konet.testing.RawManifest;
import io.konet.testing.RegistryHttp;
import io.konet.testing.SampleProjects;
import io.konet.testing.SeededImages;
import io.konet.testing.SeededManifest;
import io.konet.testing.StandInDotnet;
import io.konet.testing.TestRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line from samples/hello to a pushed four-platform index, checked field by field
 * against the real registry, and the linux/amd64 image run with runc.
 */
class EndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLATFORMS =
      "linux/amd64,linux/arm64,linux/arm/v7,windows/amd64:ltsc2022";

  @TempDir static Path shared;
  static TestRegistry mcr;
  static TestRegistry target;
  static SeededImages seeded;
  static Path dotnet;
  static CliRunner.Result build;
  static Path refsFile;
  static RegistryHttp http;

  @BeforeAll
  static void buildOnce() throws Exception {
    mcr = TestRegistry.start(shared.resolve("mcr"));
    target = TestRegistry.start(shared.resolve("target"));
    seeded = BaseImageSeeder.seed(mcr);
    dotnet = StandInDotnet.install(shared.resolve("dotnet"));
    http = target.http();
    Path project = SampleProjects.copyHello(shared.resolve("src")).getParent();
    refsFile = shared.resolve("out/refs.json");
    build =
        new CliRunner()
            .in(project)
            .run("build", "--tag", target.hostPort() + "/samples/hello:1.0",
                "--tag", target.hostPort() + "/samples/hello:latest",
                "--platform", PLATFORMS, "--mirror", "mcr.microsoft.com=" + mcr.hostPort(),
                "--dotnet", dotnet.toString(), "--image-refs", refsFile.toString(),
                "--platform-tags", "--label", "team=shop",
                "--source", "https://git.example.com/shop/hello", "--revision", "abc123");
  }

  @AfterAll
  static void stop() {
    target.close();
    mcr.close();
  }

  @Test
  void exitsZeroAndPrintsTheIndexDigestLast() {
    assertThat(build.exitCode()).as(build.toString()).isZero();
    RawManifest index = http.getManifest("samples/hello", "1.0");
    assertThat(build.lastStdoutLine()).isEqualTo(index.digest());
    assertThat(http.getManifest("samples/hello", "latest").digest()).isEqualTo(index.digest());
    assertThat(build.stderr()).contains("publishing linux-x64", "publishing win-x64",
        "pushed index " + index.digest());
  }

  @Test
  void indexHasEveryPlatformWithItsFields() {
    RawManifest index = http.getManifest("samples/hello", "1.0");
    assertThat(index.mediaType()).isEqualTo(RegistryHttp.DOCKER_MANIFEST_LIST);
    List<String> platforms = new ArrayList<>();
    for (JsonNode entry : index.json().path("manifests")) {
      assertThat(entry.path("mediaType").asText()).isEqualTo(RegistryHttp.DOCKER_MANIFEST);
      JsonNode platform = entry.path("platform");
      platforms.add(platform.path("os").asText() + "/" + platform.path("architecture").asText()
          + (platform.has("variant") ? "/" + platform.path("variant").asText() : "")
          + (platform.has("os.version") ? ":" + platform.path("os.version").asText() : ""));
      assertThat(http.getManifest("samples/hello", entry.path("digest").asText()).bytes())
          .hasSize(entry.path("size").asInt());
    }
    assertThat(platforms).containsExactly("linux/amd64", "linux/arm64/v8", "linux/arm/v7",
        "windows/amd64:" + BaseImageSeeder.OS_VERSION_LTSC2022);
  }

  @Test
  void linuxConfigsStartTheAppHostAsTheAppUserOnTheBase() throws Exception {
    for (String platform : List.of("linux/amd64", "linux/arm64", "linux/arm/v7")) {
      JsonNode config = config(platform);
      JsonNode runtime = config.path("config");
      assertThat(strings(runtime.path("Entrypoint"))).containsExactly("/app/hello");
      assertThat(runtime.has("Cmd")).isFalse();
      assertThat(runtime.path("WorkingDir").asText()).isEqualTo("/app");
      assertThat(runtime.path("User").asText()).isEqualTo("1654");
      assertThat(strings(runtime.path("Env"))).contains("APP_UID=1654",
          "ASPNETCORE_HTTP_PORTS=8080", "DOTNET_RUNNING_IN_CONTAINER=true");
      JsonNode labels = runtime.path("Labels");
      SeededManifest base = seeded.index("dotnet/runtime-deps:8.0").manifest(platform);
      assertThat(labels.path("org.opencontainers.image.base.name").asText())
          .isEqualTo("mcr.microsoft.com/dotnet/runtime-deps:8.0");
      assertThat(labels.path("org.opencontainers.image.base.digest").asText())
          .isEqualTo(base.digest());
      assertThat(labels.path("org.opencontainers.image.source").asText())
          .isEqualTo("https://git.example.com/shop/hello");
      assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo("abc123");
      assertThat(labels.path("org.opencontainers.image.created").asText())
          .isEqualTo("1970-01-01T00:00:00Z");
      assertThat(labels.path("team").asText()).isEqualTo("shop");
      assertThat(config.path("rootfs").path("diff_ids")).hasSizeGreaterThan(base.layerDigests().size());
    }
  }

  @Test
  void windowsConfigStartsTheExeAndKeepsTheOsVersion() throws Exception {
    JsonNode config = config("windows/amd64");
    assertThat(config.path("os").asText()).isEqualTo("windows");
    assertThat(config.path("os.version").asText()).isEqualTo(BaseImageSeeder.OS_VERSION_LTSC2022);
    assertThat(strings(config.path("config").path("Entrypoint")))
        .containsExactly("C:\\app\\hello.exe");
    assertThat(config.path("config").path("WorkingDir").asText()).isEqualTo("C:\\app");
    assertThat(config.path("config").path("User").asText()).isEqualTo("ContainerUser");
    assertThat(config.path("config").has("Cmd")).isFalse();
  }

  @Test
  void layersHoldTheAppUnderAppOnLinuxAndUnderFilesOnWindows() throws Exception {
    Map<String, TarArchiveEntry> linux = appLayerEntries("linux/amd64");
    assertThat(linux).containsKeys("app/", "app/hello", "app/hello.dll");
    assertThat(linux.get("app/hello").getMode() & 0777).isEqualTo(0755);
    assertThat(linux.get("app/hello.dll").getMode() & 0777).isEqualTo(0644);
    Map<String, TarArchiveEntry> windows = appLayerEntries("windows/amd64");
    assertThat(windows).containsKeys("Files/", "Files/app/", "Files/app/hello.exe", "Hives/");
    assertThat(windows.values())
        .allSatisfy(entry -> assertThat(entry.getExtraPaxHeader("MSWINDOWS.rawsd")).isNotNull());
  }

  @Test
  void baseLayersWereCopiedIntoTheTargetRegistry() throws Exception {
    for (String platform : List.of("linux/amd64", "windows/amd64")) {
      for (JsonNode layer : manifest(platform).path("layers")) {
        assertThat(http.blobExists("samples/hello", layer.path("digest").asText()))
            .as(platform + " layer " + layer.path("digest").asText()).isTrue();
      }
    }
  }

  @Test
  void perPlatformTagsPointAtThePlatformImages() throws Exception {
    assertThat(http.getManifest("samples/hello", "1.0-linux-amd64").digest())
        .isEqualTo(entry("linux/amd64").path("digest").asText());
    assertThat(http.getManifest("samples/hello", "latest-windows-amd64-ltsc2022").digest())
        .isEqualTo(entry("windows/amd64").path("digest").asText());
  }

  @Test
  void imageRefsFileNamesTheIndexAndEveryPlatform() throws Exception {
    JsonNode refs = JSON.readTree(refsFile.toFile());
    assertThat(refs.path("digest").asText()).isEqualTo(build.lastStdoutLine());
    assertThat(refs.path("repository").asText()).isEqualTo(target.hostPort() + "/samples/hello");
    assertThat(strings(refs.path("tags"))).containsExactly("1.0", "latest");
    assertThat(refs.path("platforms")).hasSize(4);
    assertThat(refs.path("platforms").get(3).path("platform").asText())
        .isEqualTo("windows/amd64:ltsc2022");
    assertThat(refs.path("platforms").get(0).path("digest").asText())
        .isEqualTo(entry("linux/amd64").path("digest").asText());
  }

  @Test
  void theLinuxAmd64ImageRunsAndGreets() {
    ImageRunner.Result run =
        ImageRunner.run(target.hostPort(), "samples/hello", "1.0", shared.resolve("run"));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("Hello from konet!");
  }

  private static JsonNode entry(String platform) {
    RawManifest index = http.getManifest("samples/hello", "1.0");
    for (JsonNode entry : index.json().path("manifests")) {
      JsonNode p = entry.path("platform");
      String name = p.path("os").asText() + "/" + p.path("architecture").asText()
          + (p.has("variant") && platform.split("/").length > 2 ? "/" + p.path("variant").asText()
              : "");
      if (name.equals(platform)) {
        return entry;
      }
    }
    throw new AssertionError("no " + platform + " in " + index.text());
  }

  private static JsonNode manifest(String platform) {
    return http.getManifest("samples/hello", entry(platform).path("digest").asText()).json();
  }

  private static JsonNode config(String platform) throws IOException {
    String digest = manifest(platform).path("config").path("digest").asText();
    return JSON.readTree(http.getBlob("samples/hello", digest));
  }

  private static Map<String, TarArchiveEntry> appLayerEntries(String platform) throws IOException {
    JsonNode layers = manifest(platform).path("layers");
    String digest = layers.get(layers.size() - 1).path("digest").asText();
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GZIPInputStream(new ByteArrayInputStream(http.getBlob("samples/hello", digest))))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.put(entry.getName(), entry);
      }
    }
    return entries;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
