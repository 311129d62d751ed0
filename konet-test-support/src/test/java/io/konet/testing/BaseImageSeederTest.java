package io.konet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BaseImageSeederTest {

  @RegisterExtension static final RegistryExtension MCR = RegistryExtension.open();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static SeededImages seeded;
  private static long seedMillis;

  @BeforeAll
  static void seed() {
    BaseImageCatalog.repositories();
    long start = System.nanoTime();
    seeded = BaseImageSeeder.seed(MCR.registry());
    seedMillis = (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void seedingIsFast() {
    // About one second on two busy cores; the bound only catches a gross regression.
    assertThat(seedMillis).as("milliseconds to push every image").isLessThan(5000);
  }

  @Test
  void seedsOnlyTheChosenIndexesWhenAsked(@TempDir Path dir) {
    try (TestRegistry registry = TestRegistry.start(dir)) {
      SeededImages few =
          BaseImageSeeder.seed(registry, "dotnet/runtime-deps:8.0", "windows/nanoserver:1809");

      assertThat(few.indexes())
          .extracting(SeededIndex::reference)
          .containsExactly(
              "dotnet/runtime-deps:8.0", "windows/nanoserver:ltsc2022", "windows/nanoserver:1809");
      assertThat(registry.http().catalog())
          .containsExactlyInAnyOrder("dotnet/runtime-deps", "windows/nanoserver");
      assertThat(few.index("dotnet/runtime-deps:8.0").digest())
          .isEqualTo(seeded.index("dotnet/runtime-deps:8.0").digest());
    }
  }

  @Test
  void theMultiPlatformDotnetTagsAreDockerManifestListsOfTheRealShape() {
    RawManifest list = MCR.http().getManifest("dotnet/runtime", "8.0");

    assertThat(list.mediaType()).isEqualTo(RegistryHttp.DOCKER_MANIFEST_LIST);
    assertThat(list.digest()).isEqualTo(seeded.index("dotnet/runtime:8.0").digest());
    List<String> platforms = new ArrayList<>();
    for (JsonNode entry : list.json().path("manifests")) {
      assertThat(entry.path("mediaType").asText()).isEqualTo(RegistryHttp.DOCKER_MANIFEST);
      platforms.add(platformOf(entry.path("platform")));
    }
    assertThat(platforms)
        .containsExactly(
            "linux/amd64",
            "linux/arm64/v8",
            "linux/arm/v7",
            "windows/amd64:10.0.17763.6532",
            "windows/amd64:10.0.20348.2849");
    assertThat(platformsOf("dotnet/aspnet", "8.0")).hasSize(5);
    assertThat(platformsOf("dotnet/runtime-deps", "8.0"))
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/arm/v7");
    assertThat(platformsOf("dotnet/runtime-deps", "8.0-alpine"))
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/arm/v7");
    assertThat(platformsOf("dotnet/runtime-deps", "8.0-jammy-chiseled"))
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/arm/v7");
  }

  @Test
  void everyLinuxImageHasTwoLayersAndAConfigThatMatchesThem() throws IOException {
    for (String reference :
        List.of(
            "dotnet/runtime-deps:8.0",
            "dotnet/runtime:8.0",
            "dotnet/aspnet:8.0",
            "dotnet/runtime-deps:8.0-alpine",
            "dotnet/runtime-deps:9.0")) {
      SeededIndex index = seeded.index(reference);
      for (SeededManifest image : index.manifests()) {
        if (image.platform().isWindows()) {
          continue;
        }
        JsonNode manifest = MCR.http().getManifest(index.repository(), image.digest()).json();
        boolean oci = image.mediaType().equals(RegistryHttp.OCI_MANIFEST);
        assertThat(manifest.path("config").path("mediaType").asText())
            .isEqualTo(
                oci
                    ? "application/vnd.oci.image.config.v1+json"
                    : "application/vnd.docker.container.image.v1+json");
        assertThat(manifest.path("layers")).hasSize(2);
        for (JsonNode layer : manifest.path("layers")) {
          assertThat(layer.path("mediaType").asText())
              .isEqualTo(
                  oci
                      ? "application/vnd.oci.image.layer.v1.tar+gzip"
                      : "application/vnd.docker.image.rootfs.diff.tar.gzip");
        }
        JsonNode config = MCR.http().getBlobJson(index.repository(), image.configDigest());
        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(config.path("architecture").asText()).isEqualTo(image.platform().architecture());
        assertThat(config.path("variant").isMissingNode())
            .isEqualTo(image.platform().variant() == null);
        List<String> diffIds = new ArrayList<>();
        for (String layerDigest : image.layerDigests()) {
          byte[] blob = MCR.http().getBlob(index.repository(), layerDigest);
          diffIds.add(RegistryHttp.digestOf(gunzip(blob)));
        }
        assertThat(texts(config.path("rootfs").path("diff_ids")))
            .isEqualTo(diffIds)
            .isEqualTo(image.diffIds());
        long layerSteps = 0;
        for (JsonNode step : config.path("history")) {
          layerSteps += step.path("empty_layer").asBoolean() ? 0 : 1;
        }
        assertThat(layerSteps).as("history entries with a layer").isEqualTo(2);
        assertThat(config.path("created").asText()).startsWith("2024-11-");
      }
    }
  }

  @Test
  void theConfigsCarryTheDotnetEnvironment() {
    assertThat(env("dotnet/runtime-deps:8.0", "linux/amd64"))
        .contains(
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "APP_UID=1654",
            "ASPNETCORE_HTTP_PORTS=8080",
            "DOTNET_RUNNING_IN_CONTAINER=true")
        .noneMatch(variable -> variable.startsWith("DOTNET_VERSION="));
    assertThat(env("dotnet/runtime:8.0", "linux/arm64"))
        .contains("DOTNET_VERSION=8.0.11")
        .noneMatch(variable -> variable.startsWith("ASPNET_VERSION="));
    assertThat(env("dotnet/aspnet:8.0", "linux/arm"))
        .contains("DOTNET_VERSION=8.0.11", "ASPNET_VERSION=8.0.11", "APP_UID=1654");
    assertThat(env("dotnet/runtime-deps:8.0-alpine", "linux/amd64"))
        .contains("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true");
  }

  @Test
  void onlyTheChiseledImagesSwitchToTheAppUser() {
    assertThat(
            config("dotnet/runtime-deps:8.0-jammy-chiseled", "linux/amd64")
                .path("config")
                .path("User")
                .asText())
        .isEqualTo("1654");
    assertThat(config("dotnet/runtime-deps:8.0", "linux/amd64").path("config").has("User"))
        .isFalse();
  }

  @Test
  void theAmd64LayersFormARootFileSystemWithUsersTmpAndADotnetHost() throws IOException {
    SeededManifest image = seeded.index("dotnet/runtime:8.0").manifest("linux/amd64");
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (String layer : image.layerDigests()) {
      readTar(gunzip(MCR.http().getBlob("dotnet/runtime", layer)), entries, contents);
    }

    assertThat(new String(contents.get("etc/passwd")))
        .contains("root:x:0:0:")
        .contains("app:x:1654:1654:");
    assertThat(new String(contents.get("etc/group"))).contains("app:x:1654:");
    assertThat(entries.get("tmp/").getMode() & 07777).isEqualTo(01777);
    assertThat(entries.get("home/app/").getLongUserId()).isEqualTo(1654);
    assertThat(entries).containsKey("usr/bin/");
    assertThat(entries.get("usr/bin/dotnet").isSymbolicLink()).isTrue();
    assertThat(entries.get("usr/bin/dotnet").getLinkName()).isEqualTo("../share/dotnet/dotnet");
    assertThat(entries.get("usr/share/dotnet/dotnet").getMode() & 0111).isNotZero();
    assertThat(contents.get("usr/share/dotnet/dotnet")).startsWith(0x7f, 'E', 'L', 'F');
  }

  @Test
  void theAmd64RuntimeImageRunsItsDotnetHostUnderRunc(@TempDir Path dir) throws Exception {
    assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "runc needs root");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/runc"))
            && Files.isExecutable(Path.of("/usr/bin/umoci")),
        "runc and umoci are installed");
    Processes.run(
        "skopeo",
        "copy",
        "--quiet",
        "--src-tls-verify=false",
        "docker://" + MCR.hostPort() + "/dotnet/runtime:8.0",
        "oci:" + dir.resolve("layout") + ":runtime");
    Processes.run(
        "umoci",
        "unpack",
        "--image",
        dir.resolve("layout") + ":runtime",
        dir.resolve("bundle").toString());
    Path rootfs = dir.resolve("bundle/rootfs");
    Files.createDirectories(rootfs.resolve("app"));
    Files.write(rootfs.resolve("app/hello.dll"), new byte[] {'M', 'Z'});
    Path config = dir.resolve("bundle/config.json");
    ObjectNode spec = (ObjectNode) JSON.readTree(config.toFile());
    ObjectNode process = (ObjectNode) spec.path("process");
    process.put("terminal", false);
    process.putArray("args").add("dotnet").add("/app/hello.dll");
    JSON.writeValue(config.toFile(), spec);

    String output =
        Processes.run(
            "runc",
            "--root",
            dir.resolve("state").toString(),
            "run",
            "--bundle",
            dir.resolve("bundle").toString(),
            "konet-seeder-test-" + ProcessHandle.current().pid());

    assertThat(output).isEqualTo("Hello from konet! (hello)\n");
  }

  @Test
  void layersDifferPerPlatformAndBaseLayersAreShared() {
    SeededIndex deps = seeded.index("dotnet/runtime-deps:8.0");
    SeededIndex runtime = seeded.index("dotnet/runtime:8.0");
    List<String> amd64 = deps.manifest("linux/amd64").layerDigests();
    List<String> arm64 = deps.manifest("linux/arm64/v8").layerDigests();

    assertThat(amd64).doesNotContainAnyElementsOf(arm64);
    assertThat(runtime.manifest("linux/amd64").layerDigests().get(0)).isEqualTo(amd64.get(0));
    assertThat(runtime.manifest("linux/amd64").layerDigests().get(1)).isNotEqualTo(amd64.get(1));
    assertThat(
            seeded.index("dotnet/runtime-deps:8.0-alpine").manifest("linux/amd64").layerDigests())
        .doesNotContainAnyElementsOf(amd64);
  }

  @Test
  void runtimeDeps9IsAnOciIndexWithBuildkitAttestations() {
    RawManifest index = MCR.http().getManifest("dotnet/runtime-deps", "9.0");
    SeededIndex seededIndex = seeded.index("dotnet/runtime-deps:9.0");

    assertThat(index.mediaType()).isEqualTo(RegistryHttp.OCI_INDEX);
    JsonNode manifests = index.json().path("manifests");
    assertThat(manifests).hasSize(5);
    for (int i = 0; i < 3; i++) {
      assertThat(manifests.get(i).path("mediaType").asText()).isEqualTo(RegistryHttp.OCI_MANIFEST);
    }
    for (int i = 3; i < 5; i++) {
      JsonNode entry = manifests.get(i);
      assertThat(platformOf(entry.path("platform"))).isEqualTo("unknown/unknown");
      assertThat(entry.path("annotations").path("vnd.docker.reference.type").asText())
          .isEqualTo("attestation-manifest");
      String subject = entry.path("annotations").path("vnd.docker.reference.digest").asText();
      assertThat(subject).isEqualTo(seededIndex.manifests().get(i - 3).digest());
      JsonNode attestation =
          MCR.http().getManifest("dotnet/runtime-deps", entry.path("digest").asText()).json();
      assertThat(attestation.path("layers").get(0).path("mediaType").asText())
          .isEqualTo("application/vnd.in-toto+json");
      assertThat(
              attestation
                  .path("layers")
                  .get(0)
                  .path("annotations")
                  .path("in-toto.io/predicate-type")
                  .asText())
          .isEqualTo("https://spdx.dev/Document");
    }
    assertThat(seededIndex.attestations()).hasSize(2);
    assertThat(seededIndex.platforms())
        .extracting(SeededPlatform::toString)
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/arm/v7");
  }

  @Test
  void nanoserverLtsc2022And1809AreOneListWhoseEntriesDifferOnlyInOsVersion() {
    RawManifest ltsc2022 = MCR.http().getManifest("windows/nanoserver", "ltsc2022");
    RawManifest v1809 = MCR.http().getManifest("windows/nanoserver", "1809");
    JsonNode entries = ltsc2022.json().path("manifests");

    assertThat(v1809).isEqualTo(ltsc2022);
    assertThat(entries).hasSize(2);
    assertThat(platformOf(entries.get(0).path("platform")))
        .isEqualTo("windows/amd64:10.0.17763.6532");
    assertThat(platformOf(entries.get(1).path("platform")))
        .isEqualTo("windows/amd64:10.0.20348.2849");
    assertThat(platformsOf("windows/nanoserver", "ltsc2025"))
        .containsExactly("windows/amd64:10.0.26100.2314");
  }

  @Test
  void windowsImagesHaveWindowsConfigsAndFilesAndHivesLayers() throws IOException {
    SeededManifest image =
        seeded.index("dotnet/runtime:8.0").manifest("windows/amd64:10.0.20348.2849");
    JsonNode config = MCR.http().getBlobJson("dotnet/runtime", image.configDigest());

    assertThat(config.path("os").asText()).isEqualTo("windows");
    assertThat(config.path("architecture").asText()).isEqualTo("amd64");
    assertThat(config.path("os.version").asText()).isEqualTo("10.0.20348.2849");
    assertThat(config.path("config").path("User").asText()).isEqualTo("ContainerUser");
    assertThat(texts(config.path("config").path("Cmd")))
        .containsExactly("c:\\windows\\system32\\cmd.exe");
    assertThat(texts(config.path("config").path("Env")))
        .anyMatch(variable -> variable.startsWith("PATH=C:\\Windows\\system32;"));
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    readTar(
        gunzip(MCR.http().getBlob("dotnet/runtime", image.layerDigests().get(0))),
        entries,
        new LinkedHashMap<>());
    assertThat(entries)
        .containsKeys(
            "Files/", "Hives/", "Files/Windows/System32/cmd.exe", "Hives/DefaultUser_Delta");
    assertThat(image.layerDigests().get(0))
        .isEqualTo(
            seeded
                .index("windows/nanoserver:ltsc2022")
                .manifest("windows/amd64:10.0.20348.2849")
                .layerDigests()
                .get(0));
  }

  @Test
  void skopeoReadsTheSameIndexesAndImages() throws Exception {
    String reference = "docker://" + MCR.hostPort() + "/dotnet/runtime:8.0";

    String raw = Processes.run("skopeo", "inspect", "--raw", "--tls-verify=false", reference);
    JsonNode arm =
        JSON.readTree(
            Processes.run(
                "skopeo",
                "--override-arch",
                "arm64",
                "--override-variant",
                "v8",
                "inspect",
                "--tls-verify=false",
                reference));

    assertThat(raw.strip()).isEqualTo(MCR.http().getManifest("dotnet/runtime", "8.0").text());
    assertThat(arm.path("Architecture").asText()).isEqualTo("arm64");
    assertThat(arm.path("Digest").asText()).isEqualTo(seeded.index("dotnet/runtime:8.0").digest());
    assertThat(texts(arm.path("Layers")))
        .isEqualTo(seeded.index("dotnet/runtime:8.0").manifest("linux/arm64").layerDigests());
  }

  @Test
  void theCatalogIsTheSameOnEveryBuild() {
    List<BaseImageCatalog.Repository> first = BaseImageCatalog.build();
    List<BaseImageCatalog.Repository> second = BaseImageCatalog.repositories();

    assertThat(first).hasSameSizeAs(second);
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i).index()).isEqualTo(second.get(i).index());
    }
  }

  @Test
  void describesTheMirrorForTheProduct() {
    assertThat(seeded.mirror()).isEqualTo("mcr.microsoft.com=" + MCR.hostPort());
    assertThat(seeded.index("dotnet/aspnet:8.0").mcrReference())
        .isEqualTo("mcr.microsoft.com/dotnet/aspnet:8.0");
  }

  private static List<String> platformsOf(String repository, String tag) {
    List<String> platforms = new ArrayList<>();
    MCR.http()
        .getManifest(repository, tag)
        .json()
        .path("manifests")
        .forEach(entry -> platforms.add(platformOf(entry.path("platform"))));
    return platforms;
  }

  private static String platformOf(JsonNode platform) {
    String text = platform.path("os").asText() + "/" + platform.path("architecture").asText();
    if (platform.has("variant")) {
      text += "/" + platform.path("variant").asText();
    }
    if (platform.has("os.version")) {
      text += ":" + platform.path("os.version").asText();
    }
    return text;
  }

  private static JsonNode config(String reference, String platform) {
    SeededIndex index = seeded.index(reference);
    return MCR.http().getBlobJson(index.repository(), index.manifest(platform).configDigest());
  }

  private static List<String> env(String reference, String platform) {
    return texts(config(reference, platform).path("config").path("Env"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  static byte[] gunzip(byte[] blob) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(blob))) {
      return in.readAllBytes();
    }
  }

  static void readTar(
      byte[] tar, Map<String, TarArchiveEntry> entries, Map<String, byte[]> contents)
      throws IOException {
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), entry);
        if (entry.isFile()) {
          contents.put(entry.getName(), in.readAllBytes());
        }
      }
    }
  }
}
