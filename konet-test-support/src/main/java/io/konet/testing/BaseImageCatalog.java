package io.konet.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konet.testing.ImageDocuments.HistoryStep;
import io.konet.testing.ImageDocuments.IndexEntry;
import io.konet.testing.TarLayer.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The fake .NET base images {@link BaseImageSeeder} pushes: which repositories and tags, which
 * platforms, and each image's config, manifest and index, as the real images have them.
 */
final class BaseImageCatalog {

  static final List<SeededPlatform> LINUX_PLATFORMS =
      List.of(
          SeededPlatform.linux("amd64", null),
          SeededPlatform.linux("arm64", "v8"),
          SeededPlatform.linux("arm", "v7"));

  private static final String LINUX_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final String WINDOWS_PATH = "PATH=C:\\Windows\\system32;C:\\Windows";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Repository> built;

  private BaseImageCatalog() {}

  /** The seeded images, built once per JVM. */
  static synchronized List<Repository> repositories() {
    if (built == null) {
      built = build();
    }
    return built;
  }

  /** Builds the images anew; every byte follows from this class, so the result never varies. */
  static List<Repository> build() {
    List<Supplier<Repository>> repositories = new ArrayList<>();
    for (String flavor : List.of("debian", "alpine", "chiseled")) {
      String tag =
          switch (flavor) {
            case "alpine" -> "8.0-alpine";
            case "chiseled" -> "8.0-jammy-chiseled";
            default -> "8.0";
          };
      for (String name : List.of("runtime-deps", "runtime", "aspnet")) {
        repositories.add(() -> dotnet8(name, flavor, tag));
      }
    }
    for (String name : List.of("runtime-deps", "runtime", "aspnet")) {
      repositories.add(() -> dotnet9(name));
    }
    repositories.add(
        () ->
            repository(
                "windows/nanoserver",
                List.of("ltsc2022", "1809"),
                false,
                List.of(
                    windowsImage("nanoserver", BaseImageSeeder.OS_VERSION_1809),
                    windowsImage("nanoserver", BaseImageSeeder.OS_VERSION_LTSC2022)),
                List.of()));
    repositories.add(
        () ->
            repository(
                "windows/nanoserver",
                List.of("ltsc2025"),
                false,
                List.of(windowsImage("nanoserver", BaseImageSeeder.OS_VERSION_LTSC2025)),
                List.of()));
    // The layers are independent of each other: build them on every core.
    return repositories.parallelStream().map(Supplier::get).toList();
  }

  private static Repository dotnet8(String name, String flavor, String tag) {
    List<Image> images = new ArrayList<>();
    for (SeededPlatform platform : LINUX_PLATFORMS) {
      images.add(linuxImage(name, flavor, BaseImageLayers.DOTNET_VERSION, platform, false));
    }
    if (flavor.equals("debian") && !name.equals("runtime-deps")) {
      images.add(windowsImage(name, BaseImageSeeder.OS_VERSION_1809));
      images.add(windowsImage(name, BaseImageSeeder.OS_VERSION_LTSC2022));
    }
    return repository("dotnet/" + name, List.of(tag), false, images, List.of());
  }

  private static Repository dotnet9(String name) {
    List<Image> images = new ArrayList<>();
    for (SeededPlatform platform : LINUX_PLATFORMS) {
      images.add(linuxImage(name, "debian", BaseImageLayers.DOTNET_9_VERSION, platform, true));
    }
    List<Image> attestations =
        name.equals("runtime-deps")
            ? List.of(
                attestation("dotnet/" + name, images.get(0)),
                attestation("dotnet/" + name, images.get(1)))
            : List.of();
    return repository("dotnet/" + name, List.of("9.0"), true, images, attestations);
  }

  private static Image linuxImage(
      String name, String flavor, String version, SeededPlatform platform, boolean oci) {
    List<Layer> layers =
        List.of(
            BaseImageLayers.linuxBase(flavor, platform),
            BaseImageLayers.linuxDotnet(name, flavor, version, platform));
    ObjectNode config = JSON.createObjectNode();
    if (flavor.equals("chiseled")) {
      // The chiseled images end with USER $APP_UID; the others leave the user to the app.
      config.put("User", String.valueOf(BaseImageLayers.APP_UID));
    }
    ArrayNode env = config.putArray("Env");
    env.add(LINUX_PATH);
    List<String> dotnetEnv = new ArrayList<>();
    dotnetEnv.add("APP_UID=" + BaseImageLayers.APP_UID);
    dotnetEnv.add("ASPNETCORE_HTTP_PORTS=8080");
    dotnetEnv.add("DOTNET_RUNNING_IN_CONTAINER=true");
    if (!flavor.equals("debian")) {
      dotnetEnv.add("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true");
    }
    dotnetEnv.forEach(env::add);
    if (!name.equals("runtime-deps")) {
      env.add("DOTNET_VERSION=" + version);
    }
    if (name.equals("aspnet")) {
      env.add("ASPNET_VERSION=" + version);
    }
    if (flavor.equals("debian")) {
      config.putArray("Cmd").add("bash");
    } else if (flavor.equals("alpine")) {
      config.putArray("Cmd").add("/bin/sh");
    }
    String baseCreated = "2024-11-11T00:00:00Z";
    String created = version.startsWith("9.") ? "2024-11-12T20:14:33Z" : "2024-11-12T18:32:15Z";
    List<HistoryStep> history = new ArrayList<>();
    history.add(
        new HistoryStep(
            baseCreated,
            "/bin/sh -c #(nop) ADD file:" + layers.get(0).diffId().substring(7, 23) + " in / ",
            false));
    if (config.has("Cmd")) {
      history.add(
          new HistoryStep(
              baseCreated, "/bin/sh -c #(nop)  CMD " + config.get("Cmd").toString(), true));
    }
    history.add(new HistoryStep(created, "ENV " + String.join(" ", dotnetEnv), true));
    if (!name.equals("runtime-deps")) {
      history.add(new HistoryStep(created, "ENV DOTNET_VERSION=" + version, true));
    }
    history.add(
        new HistoryStep(
            created,
            name.equals("runtime-deps")
                ? "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends"
                    + " ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g"
                    + " # buildkit"
                : "COPY /dotnet /usr/share/dotnet # buildkit",
            false));
    byte[] configBytes = ImageDocuments.imageConfig(platform, config, created, history, layers);
    return image(platform, oci, configBytes, layers);
  }

  private static Image windowsImage(String name, String osVersion) {
    SeededPlatform platform = SeededPlatform.windows(osVersion);
    List<Layer> layers = new ArrayList<>();
    layers.add(BaseImageLayers.nanoserver(osVersion));
    ObjectNode config = JSON.createObjectNode();
    config.put("User", "ContainerUser");
    ArrayNode env = config.putArray("Env");
    String created = "2024-11-08T07:12:41Z";
    List<HistoryStep> history = new ArrayList<>();
    history.add(new HistoryStep(created, "Apply image " + osVersion, false));
    if (name.equals("nanoserver")) {
      env.add(WINDOWS_PATH);
    } else {
      layers.add(BaseImageLayers.windowsDotnet(name, osVersion));
      created = "2024-11-12T19:02:27Z";
      env.add(WINDOWS_PATH + ";C:\\Program Files\\dotnet");
      env.add("ASPNETCORE_HTTP_PORTS=8080");
      env.add("DOTNET_RUNNING_IN_CONTAINER=true");
      env.add("DOTNET_VERSION=" + BaseImageLayers.DOTNET_VERSION);
      if (name.equals("aspnet")) {
        env.add("ASPNET_VERSION=" + BaseImageLayers.DOTNET_VERSION);
      }
      history.add(
          new HistoryStep(
              created,
              "cmd /S /C #(nop)  ENV DOTNET_VERSION=" + BaseImageLayers.DOTNET_VERSION,
              true));
      history.add(
          new HistoryStep(
              created, "cmd /S /C #(nop) COPY dir:dotnet in C:\\Program Files\\dotnet ", false));
    }
    config.putArray("Cmd").add("c:\\windows\\system32\\cmd.exe");
    byte[] configBytes = ImageDocuments.imageConfig(platform, config, created, history, layers);
    return image(platform, false, configBytes, layers);
  }

  private static Image image(
      SeededPlatform platform, boolean oci, byte[] config, List<Layer> layers) {
    byte[] manifest = ImageDocuments.imageManifest(oci, config, layers);
    return new Image(
        platform,
        oci ? RegistryHttp.OCI_MANIFEST : RegistryHttp.DOCKER_MANIFEST,
        manifest,
        config,
        layers.stream().map(Layer::blob).toList(),
        layers.stream().map(Layer::diffId).toList(),
        null);
  }

  private static Image attestation(String repository, Image subject) {
    String subjectName =
        "pkg:docker/"
            + BaseImageSeeder.MCR
            + "/"
            + repository
            + "@9.0?platform="
            + subject.platform().osArchVariant().replace("/", "%2F");
    List<byte[]> statements = ImageDocuments.attestationStatements(subjectName, subject.digest());
    byte[][] manifestAndConfig = ImageDocuments.attestationManifest(statements);
    return new Image(
        new SeededPlatform("unknown", "unknown", null, null),
        RegistryHttp.OCI_MANIFEST,
        manifestAndConfig[0],
        manifestAndConfig[1],
        statements,
        statements.stream().map(RegistryHttp::digestOf).toList(),
        subject.digest());
  }

  private static Repository repository(
      String name, List<String> tags, boolean oci, List<Image> images, List<Image> attestations) {
    List<IndexEntry> entries = new ArrayList<>();
    for (Image image : images) {
      entries.add(new IndexEntry(image.mediaType(), image.manifest(), image.platform(), null));
    }
    for (Image attestation : attestations) {
      entries.add(
          new IndexEntry(
              attestation.mediaType(),
              attestation.manifest(),
              attestation.platform(),
              attestation.attestationFor()));
    }
    byte[] index = ImageDocuments.index(oci, entries);
    return new Repository(
        name,
        tags,
        oci ? RegistryHttp.OCI_INDEX : RegistryHttp.DOCKER_MANIFEST_LIST,
        index,
        images,
        attestations);
  }

  /** One image manifest to push: its config blob, its layer blobs and its manifest. */
  record Image(
      SeededPlatform platform,
      String mediaType,
      byte[] manifest,
      byte[] config,
      List<byte[]> layerBlobs,
      List<String> diffIds,
      String attestationFor) {

    String digest() {
      return RegistryHttp.digestOf(manifest);
    }

    List<byte[]> blobs() {
      return Stream.concat(layerBlobs.stream(), Stream.of(config)).toList();
    }

    SeededManifest describe() {
      return new SeededManifest(
          platform,
          mediaType,
          digest(),
          manifest.length,
          RegistryHttp.digestOf(config),
          layerBlobs.stream().map(RegistryHttp::digestOf).toList(),
          diffIds);
    }
  }

  /** One index and the tags it is pushed under. */
  record Repository(
      String name,
      List<String> tags,
      String mediaType,
      byte[] index,
      List<Image> images,
      List<Image> attestations) {

    List<Image> allImages() {
      return Stream.concat(images.stream(), attestations.stream()).toList();
    }

    SeededIndex describe(String tag) {
      return new SeededIndex(
          name,
          tag,
          mediaType,
          RegistryHttp.digestOf(index),
          images.stream().map(Image::describe).toList(),
          attestations.stream().map(Image::describe).toList());
    }
  }
}
